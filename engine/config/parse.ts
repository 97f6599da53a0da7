// TLC `.cfg` parser. The grammar is the one tlc2/tool/impl/ModelConfig.java#parse accepts:
// a sequence of sections, each opened by a keyword; list sections (CONSTANTS, INVARIANTS, ...)
// run until the next keyword, single sections (INIT, NEXT, ...) take exactly one name and may
// appear only once (EC.CFG_TWICE_KEYWORD "The keyword X appeared twice."). Giving both
// SPECIFICATION and INIT/NEXT is EC.TLC_CONFIG_NOT_BOTH_SPEC_AND_INIT, which TLC reports when it
// processes the spec; we report it here, at the second of the two.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Loc } from '../frontend/ast.js';
import { ConfigError } from '../errors.js';
import { tokenize, type Token } from './lexer.js';
import type { CfgValue, Config, ConstantEntry, Named } from './types.js';

type ListKey = 'invariants' | 'properties' | 'constraints' | 'actionConstraints' | 'postconditions';
type SingleKey = 'init' | 'next' | 'specification' | 'symmetry' | 'view' | 'alias';

type Section =
  | { readonly kind: 'constants' }
  | { readonly kind: 'list'; readonly key: ListKey }
  | { readonly kind: 'single'; readonly key: SingleKey }
  | { readonly kind: 'checkDeadlock' }
  | { readonly kind: 'unsupported' };

const KEYWORDS: ReadonlyMap<string, Section> = new Map<string, Section>([
  ['CONSTANT', { kind: 'constants' }],
  ['CONSTANTS', { kind: 'constants' }],
  ['INIT', { kind: 'single', key: 'init' }],
  ['NEXT', { kind: 'single', key: 'next' }],
  ['SPECIFICATION', { kind: 'single', key: 'specification' }],
  ['SYMMETRY', { kind: 'single', key: 'symmetry' }],
  ['VIEW', { kind: 'single', key: 'view' }],
  ['ALIAS', { kind: 'single', key: 'alias' }],
  ['INVARIANT', { kind: 'list', key: 'invariants' }],
  ['INVARIANTS', { kind: 'list', key: 'invariants' }],
  ['PROPERTY', { kind: 'list', key: 'properties' }],
  ['PROPERTIES', { kind: 'list', key: 'properties' }],
  ['CONSTRAINT', { kind: 'list', key: 'constraints' }],
  ['CONSTRAINTS', { kind: 'list', key: 'constraints' }],
  ['ACTION_CONSTRAINT', { kind: 'list', key: 'actionConstraints' }],
  ['ACTION_CONSTRAINTS', { kind: 'list', key: 'actionConstraints' }],
  ['POSTCONDITION', { kind: 'list', key: 'postconditions' }],
  ['POSTCONDITIONS', { kind: 'list', key: 'postconditions' }],
  ['CHECK_DEADLOCK', { kind: 'checkDeadlock' }],
  // In ModelConfig.ALL_KEYWORDS but without a use in TLC's BFS; we say so rather than ignore it.
  ['TYPE_CONSTRAINT', { kind: 'unsupported' }],
]);

export function isCfgKeyword(word: string): boolean {
  return KEYWORDS.has(word);
}

/** Reads and parses a cfg file; a missing file is a ConfigError like TLC's CFG_ERROR_READING_FILE. */
export function parseConfigFile(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const loc: Loc = { file: path, module: moduleName(path), line: 1, col: 1, endLine: 1, endCol: 1 };
    throw new ConfigError(`cannot read the configuration file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, loc);
  }
  return parseConfig(text, path);
}

function moduleName(path: string): string {
  return basename(path, extname(path));
}

export function parseConfig(text: string, file: string): Config {
  const p = new Parser(tokenize(text, file, moduleName(file)));
  return p.parse(file);
}

class Parser {
  private pos = 0;
  private readonly constants: ConstantEntry[] = [];
  private readonly lists: Record<ListKey, Named[]> = { invariants: [], properties: [], constraints: [], actionConstraints: [], postconditions: [] };
  private readonly singles: Partial<Record<SingleKey, Named>> = {};
  private checkDeadlock: { value: boolean; loc: Loc } | undefined;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    const t = this.tokens[this.pos]!;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }
  private atSectionEnd(): boolean {
    const t = this.peek();
    return t.kind === 'eof' || (t.kind === 'ident' && KEYWORDS.has(t.text));
  }
  private expectPunct(text: string, after: string): Token {
    const t = this.next();
    if (t.kind !== 'punct' || t.text !== text) throw new ConfigError(`expected '${text}' after ${after}, found ${describe(t)}`, t.loc);
    return t;
  }
  private expectName(after: string): Token & { kind: 'ident' } {
    const t = this.next();
    if (t.kind === 'eof') throw new ConfigError(`the keyword ${after} was not followed by an identifier`, t.loc);
    if (t.kind !== 'ident' || KEYWORDS.has(t.text)) throw new ConfigError(`expected an identifier after ${after}, found ${describe(t)}`, t.loc);
    return t;
  }

  parse(file: string): Config {
    while (this.peek().kind !== 'eof') {
      const kw = this.next();
      const section = kw.kind === 'ident' ? KEYWORDS.get(kw.text) : undefined;
      if (!section) throw new ConfigError(`expected a keyword (CONSTANTS, INIT, NEXT, SPECIFICATION, INVARIANT, ...), found ${describe(kw)}`, kw.loc);
      switch (section.kind) {
        case 'constants':
          while (!this.atSectionEnd()) this.constants.push(this.constantEntry());
          break;
        case 'list':
          while (!this.atSectionEnd()) {
            const t = this.expectName(kw.text);
            this.lists[section.key].push({ name: t.text, loc: t.loc });
          }
          break;
        case 'single': {
          const t = this.expectName(kw.text);
          if (this.singles[section.key]) throw new ConfigError(`the keyword ${kw.text} appeared twice`, kw.loc);
          const both = section.key === 'specification' ? this.singles.init ?? this.singles.next : section.key === 'init' || section.key === 'next' ? this.singles.specification : undefined;
          if (both) throw new ConfigError('the configuration file cannot specify both INIT/NEXT and SPECIFICATION fields', kw.loc);
          this.singles[section.key] = { name: t.text, loc: t.loc };
          break;
        }
        case 'checkDeadlock': {
          const t = this.next();
          if (t.kind !== 'ident' || (t.text !== 'TRUE' && t.text !== 'FALSE')) throw new ConfigError(`expected TRUE or FALSE after CHECK_DEADLOCK, found ${describe(t)}`, t.loc);
          if (this.checkDeadlock) throw new ConfigError('the keyword CHECK_DEADLOCK appeared twice', kw.loc);
          this.checkDeadlock = { value: t.text === 'TRUE', loc: t.loc };
          break;
        }
        case 'unsupported':
          throw new ConfigError(`${kw.text} is not supported`, kw.loc);
        default: {
          const never: never = section;
          throw new Error(`unhandled section ${String(never)}`);
        }
      }
    }
    return {
      file,
      constants: this.constants,
      ...this.singles,
      invariants: this.lists.invariants,
      properties: this.lists.properties,
      constraints: this.lists.constraints,
      actionConstraints: this.lists.actionConstraints,
      postconditions: this.lists.postconditions,
      ...(this.checkDeadlock ? { checkDeadlock: this.checkDeadlock.value } : {}),
    };
  }

  /** `C = v` | `C <- Op` | `C = [M] v` | `C <- [M] Op` | `A!B!C ...` | `F(v, ..) = v` */
  private constantEntry(): ConstantEntry {
    const first = this.expectName('CONSTANTS');
    const path: string[] = [first.text];
    while (this.peek().kind === 'punct' && this.peek().text === '!') {
      this.next();
      path.push(this.expectName('!').text);
    }
    const name = path.pop()!;
    const loc = first.loc;
    const op = this.next();
    if (op.kind === 'punct' && op.text === '<-') {
      const module = this.moduleOverride('<-');
      const rhs = this.expectName(module ? `<- [${module}]` : '<-');
      return { kind: 'substitute', name, instancePath: path, ...(module ? { module } : {}), op: rhs.text, loc };
    }
    let args: CfgValue[] | undefined;
    let eq = op;
    if (op.kind === 'punct' && op.text === '(') {
      args = [this.value()];
      while (this.peek().kind === 'punct' && this.peek().text === ',') {
        this.next();
        args.push(this.value());
      }
      this.expectPunct(')', 'the arguments');
      eq = this.next();
    }
    if (eq.kind !== 'punct' || eq.text !== '=') throw new ConfigError(`expected '=' or '<-' after ${[...path, name].join('!')}, found ${describe(eq)}`, eq.loc);
    const module = this.moduleOverride('=');
    const value = this.value();
    return { kind: 'value', name, instancePath: path, ...(module ? { module } : {}), value, ...(args ? { args } : {}), loc };
  }

  private moduleOverride(after: string): string | undefined {
    const t = this.peek();
    if (t.kind !== 'punct' || t.text !== '[') return undefined;
    this.next();
    const m = this.expectName(`${after} [`);
    this.expectPunct(']', `${after} [${m.text}`);
    return m.text;
  }

  /** ModelConfig#parseValue: number, string, TRUE/FALSE, `{v, ...}`, else a model value. */
  private value(): CfgValue {
    const t = this.next();
    switch (t.kind) {
      case 'number':
        return { kind: 'int', value: BigInt(t.text) };
      case 'string':
        return { kind: 'str', value: t.value };
      case 'ident':
        if (t.text === 'TRUE' || t.text === 'FALSE') return { kind: 'bool', value: t.text === 'TRUE' };
        if (KEYWORDS.has(t.text)) throw new ConfigError(`expected a value, found the keyword ${t.text}`, t.loc);
        return { kind: 'modelValue', name: t.text };
      case 'punct':
        if (t.text === '-') {
          const n = this.next();
          if (n.kind !== 'number') throw new ConfigError(`expected a number after '-', found ${describe(n)}`, n.loc);
          return { kind: 'int', value: -BigInt(n.text) };
        }
        if (t.text === '{') {
          const elems: CfgValue[] = [];
          if (this.peek().kind === 'punct' && this.peek().text === '}') {
            this.next();
            return { kind: 'set', elems };
          }
          elems.push(this.value());
          while (this.peek().kind === 'punct' && this.peek().text === ',') {
            this.next();
            elems.push(this.value());
          }
          this.expectPunct('}', 'the set elements');
          return { kind: 'set', elems };
        }
        throw new ConfigError(`expected a value, found ${describe(t)}`, t.loc);
      case 'eof':
        throw new ConfigError('expected a value, found the end of the file', t.loc);
      default: {
        const never: never = t;
        throw new Error(`unhandled token ${String(never)}`);
      }
    }
  }
}

function describe(t: Token): string {
  return t.kind === 'eof' ? 'the end of the file' : `'${t.text}'`;
}
