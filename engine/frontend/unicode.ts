// Unicode TLA+ symbols the tree-sitter grammar does not know, spelled in ASCII before parsing.
//
// SANY accepts Unicode spellings of TLA+'s symbols since tlaplus/tlaplus PR #896 (2024): each
// lexeme of tla+.jj got the alternatives of the TLA+ Unicode table (tlaplus/rfcs
// unicode/tla-unicode.csv: ≜ ∈ ∀ ∃ ↦ → ⟨ ⟩ □ ◇ ¬ ∧ ∨ ⇒ ≡ ≠ ≤ ≥ ⊆ ∪ ∩ ‥ × ∘ ⋅ ⁺ …), and the
// module delimiters may be drawn with box-drawing lines (`──── MODULE M ────`, `════`), the
// form the TLAUC converter writes. @tlaplus/tree-sitter-tlaplus (grammar.js) already accepts
// every symbol of that table; what it lacks is listed here and replaced before parsing.
//
// Every replacement is one UTF-16 unit for one ASCII character, so columns are unchanged: an
// error in the translated text is at the same line:col of the user's text (parser.ts maps
// tab columns back; nothing else is needed). Strings and comments are left as written.

/** Unicode character → the ASCII character the grammar expects in its place. */
export const UNICODE_TO_ASCII: ReadonlyMap<string, string> = new Map([
  ['\u2032', "'"], // ′ PRIME: x′ is x' (the postfix prime)
  ['\u2500', '-'], // ─ BOX DRAWINGS LIGHT HORIZONTAL: ──── MODULE M ──── and separators
  ['\u2501', '-'], // ━ BOX DRAWINGS HEAVY HORIZONTAL
  ['\u2550', '='], // ═ BOX DRAWINGS DOUBLE HORIZONTAL: ════ ends a module
]);

/** `text` with the symbols of UNICODE_TO_ASCII replaced outside strings and comments (TLA+'s
 *  lexical rules, Specifying Systems §15.1.1: `\*` to the end of the line, nested `(* *)`,
 *  one-line strings with `\"` escapes). Same length as `text`. */
export function asciiSymbols(text: string): string {
  if (![...UNICODE_TO_ASCII.keys()].some((u) => text.includes(u))) return text;
  let out = '';
  let depth = 0; // (* *) nesting
  let inString = false;
  let lineComment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\n') {
      lineComment = false;
      inString = false; // strings end at the line: an unclosed `"` outside a module stops here
      out += c;
    } else if (lineComment) {
      out += c;
    } else if (depth > 0) {
      if (c === '(' && next === '*') [depth, out, i] = [depth + 1, out + '(*', i + 1];
      else if (c === '*' && next === ')') [depth, out, i] = [depth - 1, out + '*)', i + 1];
      else out += c;
    } else if (inString) {
      if (c === '\\' && next !== undefined && next !== '\n') [out, i] = [out + c + next, i + 1];
      else {
        if (c === '"') inString = false;
        out += c;
      }
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '(' && next === '*') {
      [depth, out, i] = [1, out + '(*', i + 1];
    } else if (c === '\\' && next === '*') {
      [lineComment, out, i] = [true, out + '\\*', i + 1];
    } else {
      out += UNICODE_TO_ASCII.get(c) ?? c;
    }
  }
  return out;
}
