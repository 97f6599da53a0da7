// The intern table for strings and model-value names (util/UniqueString.java + InternTable).
// TLC orders strings by the token a string got when it was first interned, not by content
// (UniqueString.compareTo: `return this.tok - uniqueString.tok`), and ModelValue.compareTo
// orders model values by the token of their name the same way.
//
// What TLC interns, in order (so the caller can seed this table to match):
// 1. while SANY parses, every identifier token, root module first, in source order (record
//    field names like `state` in `[state |-> ...]` are identifiers, so they come early);
// 2. during semantic analysis (modules in dependency order, each in source order), the
//    contents of string literals (StringNode strips the quotes and interns the rest);
// 3. during model checking, strings first built then (e.g. by ToString) get the next tokens.
// The front end / evaluator should call `intern` in that order before evaluating anything;
// strings not seeded get tokens in the order the evaluator first builds them.

const tokens = new Map<string, number>();
const strings: string[] = [];

/** The token of `s`, assigning the next one on first sight. */
export function intern(s: string): number {
  let t = tokens.get(s);
  if (t === undefined) {
    t = strings.length;
    tokens.set(s, t);
    strings.push(s);
  }
  return t;
}

/** The string with token `tok` (for diagnostics). */
export function internedString(tok: number): string | undefined {
  return strings[tok];
}

/** Number of strings interned so far. */
export function internCount(): number {
  return strings.length;
}

/** Forget every token (see resetValueTables in construct.ts, which must be used instead so
 *  that cached string values are forgotten too). */
export function resetInternTable(): void {
  tokens.clear();
  strings.length = 0;
}
