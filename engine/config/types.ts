// The parsed form of a TLC `.cfg` file (grammar: tlc2/tool/impl/ModelConfig.java).
// Produced by engine/config, consumed by engine/eval when it binds constants and picks
// Init/Next/invariants, and by engine/check.
import type { Loc } from '../frontend/ast.js';

/** Values that may appear on the right of `C = v` in a cfg. A bare identifier that is not
 *  TRUE/FALSE is a model value. */
export type CfgValue =
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'modelValue'; readonly name: string }
  | { readonly kind: 'set'; readonly elems: readonly CfgValue[] };

export type ConstantEntry =
  /** `C = v`, `A!B!C = v`, `C = [Mod] v`; `F(a, b) = v` (ModelConfig accepts arguments on the
   *  left: the value of F at those arguments) carries them in `args` */
  | { readonly kind: 'value'; readonly name: string; readonly instancePath: readonly string[]; readonly module?: string; readonly value: CfgValue; readonly args?: readonly CfgValue[]; readonly loc: Loc }
  /** `C <- Op`, `C <- [Mod] Op` */
  | { readonly kind: 'substitute'; readonly name: string; readonly instancePath: readonly string[]; readonly module?: string; readonly op: string; readonly loc: Loc };

export interface Named {
  readonly name: string;
  readonly loc: Loc;
}

export interface Config {
  readonly file: string;
  readonly constants: readonly ConstantEntry[];
  readonly init?: Named;
  readonly next?: Named;
  readonly specification?: Named;
  readonly invariants: readonly Named[];
  readonly properties: readonly Named[];
  readonly constraints: readonly Named[];
  readonly actionConstraints: readonly Named[];
  readonly symmetry?: Named;
  readonly view?: Named;
  readonly alias?: Named;
  readonly postconditions: readonly Named[];
  /** undefined when the cfg does not say; TLC's default is TRUE */
  readonly checkDeadlock?: boolean;
}
