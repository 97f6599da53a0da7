// TLC's printed values back into values: the inverse of `toString`/`Values.ppr` as TLC writes them
// in a trace (`/\ x = v`). Shapes follow tlc2/value/impl/*Value.java toString:
//   IntValue `-3`, BoolValue `TRUE`, StringValue `"a\"b"` (PrintVersion's escapes, as print.ts quoteString),
//   ModelValue a bare name, SetEnumValue `{1, 2}`, IntervalValue `1..3`, TupleValue `<<1, 2>>`
//   (`<< >>` when built by FcnRcdValue on {}), RecordValue `[a |-> 1, b |-> 2]`,
//   FcnRcdValue `(1 :> 2 @@ 3 :> 4)`.
// Lazily printed sets (`[S -> T]`, `SUBSET S`) never appear in a state TLC prints: it normalises
// states before printing, so they are refused here with a location.
import { EMPTY_SET, EMPTY_TUPLE, FALSE, TRUE, fcnOf, int, interval, modelValue, record, setOf, str, tuple, type Value } from '../values/index.js';
import { TlcOutputError, outputLoc } from './errors.js';

/** Where the text came from, for `file:line:col` messages (line/col of the text's first character). */
export interface TextOrigin {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export function parseTlcValue(text: string, origin: TextOrigin = { file: '<tlc output>', line: 1, col: 1 }): Value {
  const p = new ValueParser(text, origin);
  const v = p.value();
  p.skipSpace();
  if (!p.atEnd()) p.fail(`unexpected ${JSON.stringify(p.rest(12))} after a complete value`);
  return v;
}

class ValueParser {
  private i = 0;
  constructor(private readonly s: string, private readonly origin: TextOrigin) {}

  atEnd(): boolean {
    return this.i >= this.s.length;
  }
  rest(n: number): string {
    return this.s.slice(this.i, this.i + n);
  }
  fail(message: string): never {
    // Map the offset back to a line and column of the original output (values span lines).
    let line = this.origin.line;
    let col = this.origin.col;
    for (let k = 0; k < this.i && k < this.s.length; k++) {
      if (this.s[k] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
    throw new TlcOutputError(`cannot read TLC value: ${message}`, outputLoc(this.origin.file, line, col));
  }
  skipSpace(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }
  private eat(tok: string): boolean {
    this.skipSpace();
    if (this.s.startsWith(tok, this.i)) {
      this.i += tok.length;
      return true;
    }
    return false;
  }
  private expect(tok: string): void {
    if (!this.eat(tok)) this.fail(`expected ${JSON.stringify(tok)}, found ${JSON.stringify(this.rest(12)) || 'the end'}`);
  }

  value(): Value {
    this.skipSpace();
    const c = this.s[this.i];
    if (c === undefined) this.fail('expected a value, found the end');
    if (c === '{') return this.set();
    if (this.s.startsWith('<<', this.i)) return this.tuple();
    if (c === '[') return this.record();
    if (c === '(') return this.fcn();
    if (c === '"') return str(this.string());
    if (c === '-' || /[0-9]/.test(c)) return this.numberOrInterval();
    const name = /^[A-Za-z0-9_]+/.exec(this.s.slice(this.i))?.[0];
    if (name && /[A-Za-z_]/.test(name)) {
      this.i += name.length;
      if (name === 'TRUE') return TRUE;
      if (name === 'FALSE') return FALSE;
      // TLC prints a model value as its bare name (ModelValue.toString)
      return modelValue(name);
    }
    this.fail(`unexpected ${JSON.stringify(this.rest(12))}`);
  }

  private numberOrInterval(): Value {
    const lo = this.integer();
    if (this.eat('..')) {
      this.skipSpace();
      return interval(lo, this.integer());
    }
    return int(lo);
  }

  private integer(): number {
    const m = /^-?[0-9]+/.exec(this.s.slice(this.i));
    if (!m) this.fail('expected an integer');
    const n = Number(m[0]);
    // TLC's IntValue is a 32-bit int; anything else was not printed by TLC
    if (!Number.isSafeInteger(n) || n < -2147483648 || n > 2147483647) this.fail(`integer ${m[0]} is outside TLC's 32-bit range`);
    this.i += m[0].length;
    return n;
  }

  /** StringValue.PrintVersion escapes exactly \" \\ \t \n \f \r; anything else is printed raw */
  private string(): string {
    this.i++; // opening quote
    let r = '';
    for (;;) {
      const c = this.s[this.i++];
      if (c === undefined) this.fail('unterminated string');
      if (c === '"') return r;
      if (c !== '\\') {
        r += c;
        continue;
      }
      const e = this.s[this.i++];
      switch (e) {
        case '"': r += '"'; break;
        case '\\': r += '\\'; break;
        case 'n': r += '\n'; break;
        case 't': r += '\t'; break;
        case 'r': r += '\r'; break;
        case 'f': r += '\f'; break;
        default:
          this.i -= 2; // point at the backslash
          this.fail(`unknown escape \\${e ?? ''} in a string`);
      }
    }
  }

  /** `{}` or `{v, ...}`; `{v}` of one element. */
  private set(): Value {
    this.expect('{');
    if (this.eat('}')) return EMPTY_SET;
    const elems = this.list('}');
    return setOf(elems);
  }

  /** `<<>>`, `<< >>` or `<<v, ...>>` */
  private tuple(): Value {
    this.expect('<<');
    if (this.eat('>>')) return EMPTY_TUPLE;
    return tuple(this.list('>>'));
  }

  private list(close: string): Value[] {
    const out = [this.value()];
    while (this.eat(',')) out.push(this.value());
    this.expect(close);
    return out;
  }

  /** `[a |-> v, ...]` (RecordValue.toString); field names are identifiers */
  private record(): Value {
    this.expect('[');
    const names: string[] = [];
    const vals: Value[] = [];
    do {
      this.skipSpace();
      const name = /^[A-Za-z0-9_]+/.exec(this.s.slice(this.i))?.[0];
      if (!name) this.fail('expected a record field name');
      this.i += name.length;
      if (names.includes(name)) this.fail(`field ${name} appears twice`);
      this.expect('|->');
      names.push(name);
      vals.push(this.value());
    } while (this.eat(','));
    this.expect(']');
    return record(names, vals);
  }

  /** `(k :> v @@ k :> v ...)` (FcnRcdValue.toString); the domain is kept as printed, then normalised */
  private fcn(): Value {
    this.expect('(');
    const dom: Value[] = [];
    const vals: Value[] = [];
    do {
      dom.push(this.value());
      this.expect(':>');
      vals.push(this.value());
    } while (this.eat('@@'));
    this.expect(')');
    return fcnOf(dom, vals);
  }
}
