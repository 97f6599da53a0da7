// engine/values: TLA+ values with TLC's semantics. Import from here.
export * from './value.js';
export * from './construct.js';
export { compare, equals } from './compare.js';
export {
  fingerprint, fingerprintPair, hash32, stateFingerprint, stateFingerprintInto, stateKey, valueKey,
} from './hash.js';
export { format, isName, quoteString } from './print.js';
export { formatStateLines, pretty, prettyText } from './pretty.js';
export { toItf, fromItf, type Itf, type ItfDecodeOptions } from './itf.js';
export { intern, internCount, internedString } from './intern.js';
export { ValueError } from './errors.js';
export {
  bigUnion, cardinality, difference, enumerate, intersect, isFinite, mapSet, member, permutations, setElems,
  subsetEq, toSetV, union,
} from './sets.js';
export {
  apply, domainOf, except, fcnSize, fcnView, materializeFcn, mergeFcns, select, singletonFcn, type FiniteFcn,
} from './fcn.js';
