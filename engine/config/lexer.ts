// Tokens of a TLC `.cfg` file. TLC runs the cfg through the TLA+ tokenizer
// (tlc2/tool/impl/ModelConfig.java uses TLAplusParserTokenManager), so comments are TLA+'s:
// `\*` to end of line and `(* ... *)`, which nest. We only need the handful of token shapes a
// cfg can hold; anything else is reported where it stands.
import type { Loc } from '../frontend/ast.js';
import { ConfigError } from '../errors.js';

export type Token =
  | { readonly kind: 'ident'; readonly text: string; readonly loc: Loc }
  | { readonly kind: 'number'; readonly text: string; readonly loc: Loc }
  | { readonly kind: 'string'; readonly text: string; readonly value: string; readonly loc: Loc }
  | { readonly kind: 'punct'; readonly text: string; readonly loc: Loc }
  | { readonly kind: 'eof'; readonly text: ''; readonly loc: Loc };

// Longest first, so `<-` wins over `<`.
const PUNCTS = ['<-', '=', '{', '}', ',', '[', ']', '(', ')', '!', '-'];

export function tokenize(text: string, file: string, module: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  const loc = (l: number, c: number, el = line, ec = col): Loc => ({ file, module, line: l, col: c, endLine: el, endCol: ec });
  const advance = (n: number) => {
    for (let k = 0; k < n; k++) {
      if (text[i] === '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      i++;
    }
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\f') {
      advance(1);
      continue;
    }
    if (text.startsWith('\\*', i)) {
      while (i < text.length && text[i] !== '\n') advance(1);
      continue;
    }
    if (text.startsWith('(*', i)) {
      const startLine = line;
      const startCol = col;
      let depth = 0;
      do {
        if (text.startsWith('(*', i)) {
          depth++;
          advance(2);
        } else if (text.startsWith('*)', i)) {
          depth--;
          advance(2);
        } else if (i >= text.length) {
          throw new ConfigError('comment opened here is never closed with *)', loc(startLine, startCol, startLine, startCol + 2));
        } else {
          advance(1);
        }
      } while (depth > 0);
      continue;
    }
    const startLine = line;
    const startCol = col;
    if (ch === '"') {
      const start = i;
      let value = '';
      advance(1);
      for (;;) {
        const c = text[i];
        if (c === undefined || c === '\n') {
          throw new ConfigError('string is not closed on its line', loc(startLine, startCol, startLine, startCol + 1));
        }
        if (c === '"') {
          advance(1);
          break;
        }
        if (c === '\\') {
          // TLA+ string escapes (Specifying Systems §16.1.10): \" \\ \t \n \f \r
          const e = text[i + 1];
          const map: Record<string, string> = { '"': '"', '\\': '\\', t: '\t', n: '\n', f: '\f', r: '\r' };
          if (e === undefined || !(e in map)) {
            throw new ConfigError(`unknown escape \\${e ?? ''} in string`, loc(line, col, line, col + 2));
          }
          value += map[e];
          advance(2);
          continue;
        }
        value += c;
        advance(1);
      }
      tokens.push({ kind: 'string', text: text.slice(start, i), value, loc: loc(startLine, startCol) });
      continue;
    }
    const word = /^[A-Za-z0-9_]+/.exec(text.slice(i, i + 256));
    if (word) {
      const w = word[0];
      advance(w.length);
      // A TLA+ identifier needs at least one letter; all digits make a number.
      tokens.push({ kind: /^[0-9]+$/.test(w) ? 'number' : 'ident', text: w, loc: loc(startLine, startCol) });
      continue;
    }
    const p = PUNCTS.find((s) => text.startsWith(s, i));
    if (p) {
      advance(p.length);
      tokens.push({ kind: 'punct', text: p, loc: loc(startLine, startCol) });
      continue;
    }
    throw new ConfigError(`unexpected character '${ch}'`, loc(startLine, startCol, startLine, startCol + 1));
  }
  tokens.push({ kind: 'eof', text: '', loc: loc(line, col) });
  return tokens;
}
