// 64-bit fingerprints of values and states, for the checker's seen-set.
//
// Like TLC's fingerPrint methods (FP64.Extend over a canonical traversal), the fingerprint
// depends only on the value, not on how it was built: sets are hashed in normalised order
// (lazy sets via their enumeration, as SubsetValue/IntervalValue/... do via toSetEnum), and
// every function shape is hashed as "function of n pairs (d_i, v_i)" exactly as
// TupleValue.fingerPrint hashes a tuple as the function on 1..n. We do not reproduce FP64's
// polynomial; the numbers differ from TLC's but identify the same states.
//
// The hash is two 32-bit lanes of a murmur3-style mix, cross-fed, so it behaves as a 64-bit
// hash (collision chance ~n^2/2^65: ~3e-8 for a million states). Sets, functions and strings
// cache their result in the object, so a state whose sub-values are shared with its parent
// is hashed in time proportional to what changed. Results travel in two module-level
// registers (R1, R2) instead of allocated pairs.
import type { Value } from './value.js';
import { assertNever } from './value.js';
import { setElems } from './sets.js';
import { materializeFcn } from './fcn.js';

let R1 = 0;
let R2 = 0;

const TAG_BOOL = 0x1b01;
const TAG_INT = 0x1b02;
const TAG_STR = 0x1b03;
const TAG_MODEL = 0x1b04;
const TAG_SET = 0x1b05;
const TAG_FCN = 0x1b06;
const TAG_STATE = 0x1b07;
const SEED1 = 0x2545f491;
const SEED2 = 0x6a09e667;

function mix1(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function mix2(h: number, k: number): number {
  k = Math.imul(k, 0x85ebca77);
  k = (k << 17) | (k >>> 15);
  k = Math.imul(k, 0xc2b2ae3d);
  h ^= k;
  h = (h << 11) | (h >>> 21);
  return (Math.imul(h, 9) + 0x27d4eb2f) | 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Finish two lanes into R1/R2, cross-feeding so each half depends on both lanes. */
function finish(a: number, b: number, len: number): void {
  a = fmix(a ^ len);
  b = fmix(b ^ Math.imul(len, 0x9e3779b1));
  R1 = (a ^ Math.imul(b, 0x2f6a)) | 0;
  R2 = (b + a) | 0;
}

function hashInt(n: number): void {
  finish(mix1(SEED1 ^ TAG_INT, n), mix2(SEED2 ^ TAG_INT, n), 1);
}

function hashChars(tag: number, s: string): void {
  let a = SEED1 ^ tag;
  let b = SEED2 ^ tag;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = mix1(a, c);
    b = mix2(b, c);
  }
  finish(a, b, s.length);
}

/** Hash of the function with the given pairs; `dom` null means the tuple domain 1..n. */
function hashPairs(dom: readonly Value[] | null, vals: readonly Value[]): void {
  const n = vals.length;
  let a = mix1(SEED1 ^ TAG_FCN, n);
  let b = mix2(SEED2 ^ TAG_FCN, n);
  for (let i = 0; i < n; i++) {
    if (dom === null) hashInt(i + 1);
    else hashValue(dom[i]!);
    a = mix1(mix1(a, R1), R2);
    b = mix2(mix2(b, R2), R1);
    hashValue(vals[i]!);
    a = mix1(mix1(a, R1), R2);
    b = mix2(mix2(b, R2), R1);
  }
  finish(a, b, n);
}

function hashElems(elems: readonly Value[]): void {
  const n = elems.length;
  let a = mix1(SEED1 ^ TAG_SET, n);
  let b = mix2(SEED2 ^ TAG_SET, n);
  for (let i = 0; i < n; i++) {
    hashValue(elems[i]!);
    a = mix1(mix1(a, R1), R2);
    b = mix2(mix2(b, R2), R1);
  }
  finish(a, b, n);
}

/** Sets R1/R2 to the fingerprint of v. */
function hashValue(v: Value): void {
  switch (v.kind) {
    case 'bool':
      hashInt(v.b ? 1 : 0);
      R1 ^= TAG_BOOL;
      return;
    case 'int':
      hashInt(v.n);
      return;
    case 'str':
      if (v.h1 === 0 && v.h2 === 0) {
        hashChars(TAG_STR, v.s);
        v.h1 = R1;
        v.h2 = R2;
      } else {
        R1 = v.h1;
        R2 = v.h2;
      }
      return;
    case 'model':
      hashChars(TAG_MODEL, v.name);
      return;
    default:
      break;
  }
  if (v.kind === 'infinite' || v.kind === 'seqSet' || v.kind === 'anySet' || v.kind === 'cup') {
    // TLC cannot fingerprint Nat/Int/STRING, Seq(S), ANY or a non-enumerable S \cup T either.
    setElems(v);
    return;
  }
  if (v.h1 !== 0 || v.h2 !== 0) {
    R1 = v.h1;
    R2 = v.h2;
    return;
  }
  switch (v.kind) {
    case 'set':
      hashElems(v.elems);
      break;
    case 'tuple':
      hashPairs(null, v.elems);
      break;
    case 'record':
      hashPairs(v.names, v.vals);
      break;
    case 'fcn':
      hashPairs(v.dom, v.vals);
      break;
    case 'lazyFcn':
      hashValue(materializeFcn(v));
      break;
    case 'interval': case 'subset': case 'fcnSet': case 'rcdSet': case 'product': case 'filter':
      hashElems(setElems(v));
      break;
    default:
      assertNever(v);
  }
  v.h1 = R1;
  v.h2 = R2;
}

const HEX2: string[] = [];
for (let i = 0; i < 256; i++) HEX2.push(i.toString(16).padStart(2, '0'));

/** Eight lower-case hex digits; a byte table is about twice as fast as toString(16). */
function hex8(x: number): string {
  return HEX2[x >>> 24]! + HEX2[(x >>> 16) & 255]! + HEX2[(x >>> 8) & 255]! + HEX2[x & 255]!;
}

/** The value's 64-bit fingerprint as 16 hex digits. Equal values give equal strings however
 *  they were built. */
export function fingerprint(v: Value): string {
  hashValue(v);
  return hex8(R1) + hex8(R2);
}

/** The two 32-bit halves of the fingerprint, for callers keeping their own hash tables. */
export function fingerprintPair(v: Value): [number, number] {
  hashValue(v);
  return [R1, R2];
}

/** A 32-bit hash of the value (the first half of its fingerprint). */
export function hash32(v: Value): number {
  hashValue(v);
  return R1;
}

function hashState(values: readonly Value[]): void {
  const n = values.length;
  let a = mix1(SEED1 ^ TAG_STATE, n);
  let b = mix2(SEED2 ^ TAG_STATE, n);
  for (let i = 0; i < n; i++) {
    hashValue(values[i]!);
    a = mix1(mix1(a, R1), R2);
    b = mix2(mix2(b, R2), R1);
  }
  finish(a, b, n);
}

/** Fingerprint of a state: its variables' values in declaration order. */
export function stateFingerprint(values: readonly Value[]): string {
  hashState(values);
  return hex8(R1) + hex8(R2);
}

/** The same 64 bits as a 4-character string (UTF-16 code units, not printable): about ten
 *  times cheaper to build than the hex form and a quarter of its size, for seen-set keys
 *  that are never shown. Equal states give equal keys; keys compare (<) in the same order
 *  as the hex form, since both are the 64 bits big-endian in fixed width. */
export function stateKey(values: readonly Value[]): string {
  hashState(values);
  return String.fromCharCode(R1 >>> 16, R1 & 0xffff, R2 >>> 16, R2 & 0xffff);
}

/** The value's fingerprint in the compact form of stateKey. */
export function valueKey(v: Value): string {
  hashValue(v);
  return String.fromCharCode(R1 >>> 16, R1 & 0xffff, R2 >>> 16, R2 & 0xffff);
}

/** The same fingerprint as two 32-bit halves written to out[at], out[at + 1], without
 *  allocating: for a seen-set kept in typed arrays instead of a Set of strings. */
export function stateFingerprintInto(values: readonly Value[], out: Int32Array, at: number): void {
  hashState(values);
  out[at] = R1;
  out[at + 1] = R2;
}
