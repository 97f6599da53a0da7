// Shared helpers for the front-end tests: parse a module from text, pick a definition, and
// compare AST shapes without locations.
import type { Definition, Expr, Module } from '../../../engine/frontend/ast.js';
import { parseModuleText } from '../../../engine/frontend/load.js';

export const FIXTURES = new URL('../../fixtures/frontend/', import.meta.url).pathname;

/** The AST with locations dropped and bigints as `5n` strings, so expectations state shape. */
export function shape(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (k, x) => (k === 'loc' || k === 'extendsLocs' ? undefined : typeof x === 'bigint' ? `${x}n` : x)));
}

export function def(m: Module, name: string): Definition {
  const d = m.definitions.find((x) => x.name === name);
  if (!d) throw new Error(`no definition ${name}`);
  return d;
}

export function body(m: Module, name: string): Expr {
  const d = def(m, name);
  if (d.kind === 'instance') throw new Error(`${name} is an instance`);
  return d.body;
}

/** Parse `text` as the body of module M (header and footer added). */
export async function moduleOf(units: string): Promise<Module> {
  const [m] = await parseModuleText('M.tla', `---- MODULE M ----\n${units}\n====\n`);
  return m!;
}

/** The AST shape of one expression, written as the definition `E == <text>`. */
export async function exprOf(text: string): Promise<unknown> {
  return shape(body(await moduleOf(`E == ${text}`), 'E'));
}

export const ref = (name: string) => ({ kind: 'ref', name, prefix: [] });
export const num = (n: number) => ({ kind: 'num', value: `${n}n` });
export const str = (value: string) => ({ kind: 'str', value });
export const app = (name: string, ...args: unknown[]) => ({ kind: 'apply', name, prefix: [], args });
export const bindName = (name: string, domain?: unknown) => (domain === undefined ? { pattern: { kind: 'name', name } } : { pattern: { kind: 'name', name }, domain });
