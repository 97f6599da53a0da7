// `rdsib gen`: a spec and its cfg → one TypeScript module (spec/generated/<cfg>.ts) with the
// typed State/Action layer for users and a compiled exploration core (engine values) under it.
// The engine front end and cfg binding are reused (loadSpec, compileSpec's root name space),
// so names mean what they mean to the checker; the expressions themselves are translated.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Project, IndentationText, QuoteKind } from 'ts-morph';
import type { Expr, Loc } from '../engine/frontend/ast.js';
import { loadSpec } from '../engine/frontend/load.js';
import { parseConfigFile } from '../engine/config/parse.js';
import { compileSpec } from '../engine/eval/index.js';
import { ConfigError } from '../engine/errors.js';
import { internCount, internedString, resetValueTables } from '../engine/values/index.js';
import type { CfgValue } from '../engine/config/types.js';
import { compileAction, finish } from './action.js';
import { compileBool, compileVal, where } from './expr.js';
import { Gen } from './gen.js';
import { splitNext } from './split.js';
import { typedLayer } from './typed.js';
import * as Runtime from './runtime.js';

export interface GenerateOptions {
  readonly cfgPath: string;
  /** how generated code imports the runtime (relative to the output file) */
  readonly runtimeImport: string;
}

export interface Generated {
  readonly fileName: string;
  readonly text: string;
}

/** How a module generated into `outDir` imports codegen/runtime.ts (a relative path). */
export function runtimeImportFor(outDir: string): string {
  const runtime = fileURLToPath(new URL('./runtime.js', import.meta.url));
  const rel = relative(resolve(outDir), runtime).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

export async function generate(specPath: string, options: GenerateOptions): Promise<Generated> {
  resetValueTables();
  const loaded = await loadSpec(specPath);
  const config = parseConfigFile(options.cfgPath);
  const compiled = compileSpec(loaded, config);
  // the intern table as compileSpec seeded it (TLC's order), for the module to start from
  const strings = Array.from({ length: internCount() }, (_, i) => internedString(i)!);
  const models: string[] = [];
  const cfgModels = (v: CfgValue): void => {
    if (v.kind === 'modelValue' && !models.includes(v.name)) models.push(v.name);
    if (v.kind === 'set') v.elems.forEach(cfgModels);
  };
  for (const c of config.constants) if (c.kind === 'value') {
    c.args?.forEach(cfgModels);
    cfgModels(c.value);
  }
  const scope = compiled.rootScope;
  const vars = compiled.variables;
  const g = new Gen(scope, vars, (e) => compiled.evaluate(e, null));

  const defBody = (name: string, loc: Loc): Expr => {
    const op = g.zeroArgOp(name);
    if (!op) throw new ConfigError(`${name} is not defined as an operator without arguments`, loc);
    return op.body;
  };

  // Init and Next, from INIT/NEXT or SPECIFICATION (Init /\ [][Next]_v /\ fairness)
  let init: Expr | undefined;
  let next: Expr | undefined;
  let nextName = 'Next';
  if (config.specification) {
    const conj = (e: Expr): Expr[] => {
      if (e.kind === 'and') return e.args.flatMap(conj);
      const op = e.kind === 'ref' ? g.zeroArgOp(e.name) : undefined;
      return op ? conj(op.body) : [e];
    };
    const inits: Expr[] = [];
    for (const c of conj(defBody(config.specification.name, config.specification.loc))) {
      if (c.kind === 'always' && c.expr.kind === 'actionBox') {
        next = c.expr.action;
        if (next.kind === 'ref') nextName = next.name;
      } else if (c.kind === 'fairness' || c.kind === 'forall') continue; // fairness: not part of the state graph
      else inits.push(c);
    }
    init = inits.length === 1 ? inits[0] : { kind: 'and', args: inits, loc: inits[0]!.loc };
  } else {
    if (config.init) init = defBody(config.init.name, config.init.loc);
    if (config.next) {
      next = defBody(config.next.name, config.next.loc);
      nextName = config.next.name;
    }
  }
  if (!init) throw new ConfigError('the configuration gives no initial predicate (INIT or SPECIFICATION)', config.specification?.loc);
  if (config.alias) throw new ConfigError('code generation: ALIAS is not supported', config.alias.loc);

  const allU = vars.map(() => 'u' as const);
  const initBody = compileAction(g, init, { env: new Map(), cur: 'p' }, 'init', allU, finish(vars, init.loc));
  const split = next ? splitNext(g, next, nextName) : { leaves: [], nextBody: '' };
  const pred = (name: string, loc: Loc): string => compileBool(g, defBody(name, loc), { env: new Map(), cur: 's' });
  const invariants = config.invariants.map((n) => ({ name: n.name, code: pred(n.name, n.loc), loc: n.loc }));
  const constraints = config.constraints.map((n) => pred(n.name, n.loc));
  const actionConstraints = config.actionConstraints.map((n) => compileBool(g, defBody(n.name, n.loc), { env: new Map(), cur: 's' }));
  // VIEW and SYMMETRY change what counts as the same state (engine/eval/spec.ts fingerprintOf)
  const key = config.view
    ? `(s: St): string => R.viewKey(${compileVal(g, defBody(config.view.name, config.view.loc), { env: new Map(), cur: 's' })})`
    : config.symmetry
      ? `(s: St): string => R.symmetricKey(s, SYMMETRY)`
      : undefined;
  const symmetry = config.symmetry
    ? `const SYMMETRY = R.symmetryPerms(${compileVal(g, defBody(config.symmetry.name, config.symmetry.loc), { env: new Map(), cur: 's' })}, ${where(config.symmetry.loc)});`
    : undefined;
  const typed = typedLayer(g, compiled, split.leaves, [...loaded.modules.values()], loaded.root, config.invariants.map((i) => i.name));

  // the hash covers every module file the spec loaded, and the cfg
  const files = [...new Set([...loaded.modules.values()].map((m) => m.file))].sort();
  const h = createHash('sha256');
  for (const f of [...files, options.cfgPath]) h.update(basename(f)).update('\0').update(readFileSync(f, 'utf8')).update('\0');
  const hash = h.digest('hex').slice(0, 16);
  const header = [
    `// GENERATED by \`rdsib gen\` from ${basename(specPath)} (${files.map((f) => basename(f)).join(', ')}) with ${basename(options.cfgPath)}. Do not edit.`,
    `// source hash (sha256 of the modules and the cfg): ${hash}`,
    `// Regenerate: npx tsx engine/cli/main.ts gen ${basename(specPath)} --config ${basename(options.cfgPath)}; test/codegen fails while this file is stale.`,
  ].join('\n');

  const core = [
    `import * as R from '${options.runtimeImport}';`,
    `import type { Partial, St, Value } from '${options.runtimeImport}';`,
    `import fc from 'fast-check';`,
    '',
    '// A fresh run of the value tables in TLC\'s intern order for this spec (runtime.ts seedRun):',
    '// importing this module starts a new run, as compileSpec does for the interpreter.',
    `R.seedRun(${JSON.stringify(strings)}, ${JSON.stringify(models)});`,
    '',
    '// ---------------------------------------------------------------- constants and literals',
    `export const VARS: readonly string[] = ${JSON.stringify(vars)};`,
    `export const ACTION_KINDS = ${JSON.stringify(split.leaves.map((l) => l.kind))} as const;`,
    '/** Slots of the variables in a state array. */',
    ...g.slotNames().map((n, i) => `const ${n} = ${i};`),
    ...g.hoisted,
    '',
    '// ---------------------------------------------------------------- operators of the spec',
    ...g.functions,
    '',
    '// ---------------------------------------------------------------- actions (disjuncts of Next)',
    ...split.leaves.map((l) => l.code),
    '',
    '// ---------------------------------------------------------------- exploration core (engine values)',
    ...(symmetry ? [symmetry] : []),
    `/** Init (${where(init.loc).slice(1, -1)}): every initial state, duplicates included. */`,
    `function initValues(): Value[][] {\nconst out: Value[][] = [];\nconst p: Partial = new Array<Value | undefined>(${vars.length}).fill(undefined);\n${initBody}\nreturn out;\n}`,
    `/** Every successor of s, with the index of its action in ACTION_KINDS and the action's parameters. */`,
    `function nextValues(s: St, emit: (action: number, params: readonly Value[], t: Value[]) => void): void {\nconst buf: Value[][] = [];\n${split.nextBody}\n}`,
    `/** One action with given parameters: its next states (empty when it is not enabled). */`,
    `function stepValues(s: St, action: number, params: readonly Value[]): Value[][] {\nconst out: Value[][] = [];\nswitch (action) {\n${split.leaves.map((l, i) => `case ${i}: ${l.fn}(s${l.params.map((_, j) => `, params[${j}]!`).join('')}, out); break;`).join('\n')}\ndefault: throw new RangeError(\`no action \${action}\`);\n}\nreturn out;\n}`,
    `export const core = {\n  vars: VARS,\n  actionKinds: ACTION_KINDS,\n  init: initValues,\n  next: nextValues,\n  step: stepValues,\n  invariants: [${invariants.map((i) => `{ name: ${JSON.stringify(i.name)}, holds: (s: St): boolean => ${i.code} }`).join(', ')}] as readonly { readonly name: string; readonly holds: (s: St) => boolean }[],\n${key ? `  key: ${key},\n` : ''}  constraint: (s: St): boolean => ${constraints.length ? constraints.join(' && ') : 'true'},\n  actionConstraint: (s: St, p: St): boolean => ${actionConstraints.length ? actionConstraints.join(' && ') : 'true'},\n};`,
  ];
  const text = localRuntime([header, ...core, '', typed].join('\n'));
  const fileName = `${basename(options.cfgPath).replace(/\.cfg$/, '')}.ts`;
  return { fileName, text: format(fileName, text) };
}

/** `R.app(...)` → `R_app(...)` with `const R_app = R.app;` once: under tsx every call through
 *  a module namespace goes through a getter, which cost a fifth of exploration time. */
function localRuntime(text: string): string {
  const names = new Set(Object.keys(Runtime));
  const used = new Set<string>();
  const body = text.replace(/(?<![\w$.])R\.([A-Za-z_$][\w$]*)/g, (m, name: string) => {
    if (!names.has(name)) return m; // a type (R.Value, R.TypeDesc)
    used.add(name);
    return `R_${name}`;
  });
  const decls = [...used].sort().map((n) => `const R_${n} = R.${n};`).join('\n');
  return body.replace("\nimport fc from 'fast-check';\n", `\nimport fc from 'fast-check';\n\n${decls}\n`);
}

/** ts-morph's formatter (the TypeScript language service), so generated code reads like code. */
function format(fileName: string, text: string): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  const sf = project.createSourceFile(fileName, text);
  sf.formatText({ indentSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
  return sf.getFullText();
}
