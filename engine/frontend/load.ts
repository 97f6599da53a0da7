// Loading a spec: the root module and, transitively, every module it EXTENDS or INSTANCEs.
// Like TLC (util/SimpleFilenameToStream.locate), a module M is the file `M.tla` found first in
// the root file's folder, then in the library folders (TLC: the -DTLA-Library property, then
// the TLA_PATH environment variable, then the jar's StandardModules and classpath, where the
// CommunityModules jar sits; ours: LoadOptions.libraryPath, TLA_PATH, then the bundled
// `engine/library/` folder). The standard modules are recognised by name and never read (the
// evaluator implements them natively: see standard.ts).
import { access, readFile } from 'node:fs/promises';
import { basename, delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ParseError, UnsupportedError } from '../errors.js';
import type { Definition, Expr, Loc, Module } from './ast.js';
import { buildModules } from './build.js';
import { parseTla } from './parser.js';
import { resolveSpec } from './resolve.js';
import { childExprs, definitionExprs } from './walk.js';
import { STANDARD_MODULES } from './standard.js';

export interface LoadedSpec {
  readonly root: Module;
  /** every user module by name: the root, modules it depends on, and nested submodules */
  readonly modules: ReadonlyMap<string, Module>;
}

/** Parsed files of this process by path, reused while the text is unchanged: tree-sitter's
 *  wasm parser reads about 100 KiB/s on this grammar, and `verdicts` loads the same model once
 *  per cfg variant. The AST is immutable, so sharing it is safe. */
const parsedFiles = new Map<string, { readonly text: string; readonly modules: Module[] }>();

/** Parse one file's text into its modules (no dependency loading). */
export async function parseModuleText(file: string, text: string): Promise<Module[]> {
  const cached = parsedFiles.get(file);
  if (cached && cached.text === text) return cached.modules;
  const parsed = await parseTla(file, text);
  try {
    const modules = buildModules(parsed);
    parsedFiles.set(file, { text, modules });
    return modules;
  } finally {
    parsed.tree.delete(); // the tree lives in wasm memory, which the GC does not reclaim
  }
}

/** The bundled library (TLAPS, community modules): searched after the spec's own folder, so a
 *  user's module of the same name wins, as on TLC's path. The one place to add library modules. */
export const LIBRARY_DIR = fileURLToPath(new URL('../library/', import.meta.url));

/** Where `M.tla` is read from: the first folder of `searchPath` that has it; when none has it,
 *  the spec's own folder (so the "Cannot find" error names the file a user would write). */
export async function findModuleFile(name: string, searchPath: readonly string[]): Promise<string> {
  for (const dir of searchPath) {
    const file = join(dir, `${name}.tla`);
    try {
      await access(file);
      return file;
    } catch {
      // not in this folder: try the next one
    }
  }
  return join(searchPath[0] ?? '.', `${name}.tla`);
}

export interface LoadOptions {
  /** run the name-resolution checks of resolve.ts (SANY's semantic pass); default true */
  readonly resolve?: boolean;
  /** more folders to look in after the spec's own and before the bundled library, as TLC's
   *  `-DTLA-Library=dir1:dir2` (SimpleFilenameToStream's libraryPaths) */
  readonly libraryPath?: readonly string[];
}

/** The folders of the TLA_PATH environment variable (PATH syntax), which TLC searches after
 *  -DTLA-Library (SimpleFilenameToStream.getLibraryPaths). */
export function tlaPathFolders(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.TLA_PATH ?? '').split(delimiter).filter((d) => d !== '');
}

export async function loadSpec(path: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const searchPath = [dirname(path), ...(options.libraryPath ?? []), ...tlaPathFolders(), LIBRARY_DIR];
  const modules = new Map<string, Module>();
  const loading: string[] = []; // DFS stack, for cycle reports

  const register = (m: Module): void => {
    modules.set(m.name, m);
    for (const s of m.submodules) register(s);
  };

  /** The file's modules, the first being `expectedName`; later top-level modules in the same
   *  file (which SANY tolerates) are registered too, so they can be INSTANCEd. */
  const readModuleFile = async (file: string, expectedName: string, at: Loc | undefined): Promise<Module[]> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      const where = at ?? { file, module: expectedName, line: 1, col: 1, endLine: 1, endCol: 1 };
      const others = searchPath.slice(1).map((d) => (d === LIBRARY_DIR ? "rdsib's bundled library" : d));
      const also = others.length > 0 ? `, then in ${others.join(', ')}` : '';
      throw new ParseError(at ? `Cannot find source file for module ${expectedName} (looked for ${file}${also})` : `Cannot read ${file}`, where);
    }
    const all = await parseModuleText(file, text);
    const first = all[0]!;
    if (first.name !== expectedName) {
      throw new ParseError(`File name '${expectedName}' does not match the name '${first.name}' of the top level module it contains`, first.loc);
    }
    return all;
  };

  const loadFile = async (file: string, expectedName: string, at: Loc | undefined): Promise<Module> => {
    const all = await readModuleFile(file, expectedName, at);
    for (const m of all) register(m);
    for (const m of all) await visit(m, []);
    return all[0]!;
  };

  const visit = async (m: Module, enclosing: readonly Module[]): Promise<void> => {
    loading.push(m.name);
    const scope = [...enclosing, m];
    for (const dep of dependencies(m)) {
      if (STANDARD_MODULES.has(dep.name)) {
        const refused = STANDARD_MODULES.get(dep.name)!.refused;
        if (refused) throw new UnsupportedError(`Unsupported construct: ${refused}`, dep.loc);
        continue;
      }
      // A nested module is visible to its enclosing modules and to later siblings.
      if (scope.some((s) => s.submodules.some((sub) => sub.name === dep.name))) continue;
      if (loading.includes(dep.name)) {
        throw new ParseError(`Circular dependency among modules: ${[...loading.slice(loading.indexOf(dep.name)), dep.name].join(' -> ')}`, dep.loc);
      }
      if (modules.has(dep.name)) continue;
      await loadFile(await findModuleFile(dep.name, searchPath), dep.name, dep.loc);
    }
    for (const sub of m.submodules) await visit(sub, scope);
    loading.pop();
  };

  const rootName = basename(path).replace(/\.tla$/, '');
  const root = await loadFile(path.endsWith('.tla') ? path : `${path}.tla`, rootName, undefined);
  const spec = { root, modules };
  if (options.resolve ?? true) resolveSpec(spec);
  return spec;
}

/** Modules `m` needs: its EXTENDS, then every INSTANCE (module level and inside LET). */
export function dependencies(m: Module): { name: string; loc: Loc }[] {
  const out = m.extends.map((name, i) => ({ name, loc: m.extendsLocs?.[i] ?? m.loc }));
  const inDefinition = (d: Definition): void => {
    if (d.kind === 'instance') out.push({ name: d.module, loc: d.loc });
    definitionExprs(d).forEach(inExpr);
  };
  const inExpr = (e: Expr): void => {
    if (e.kind !== 'let') return childExprs(e).forEach(inExpr);
    e.defs.forEach(inDefinition);
    inExpr(e.body);
  };
  m.definitions.forEach(inDefinition);
  return out;
}
