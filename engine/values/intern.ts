// The intern table for strings and model-value names (util/UniqueString.java + InternTable).
// TLC orders strings by the token a string got when it was first interned, not by content
// (UniqueString.compareTo: `return this.tok - uniqueString.tok`). SANY interns identifiers and
// string literals as it reads the spec, so the front end should call `intern` on every string
// literal and identifier in source order before evaluation starts; strings first met during
// evaluation get the next tokens, as in TLC.

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
