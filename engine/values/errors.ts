// Errors raised by value operations. Values know no source locations; the evaluator catches
// ValueError and rethrows it as an EvalError carrying the location of the expression it was
// evaluating (the messages follow TLC's Assert.fail texts in tlc2/value/impl/*).
import { EvalError } from '../errors.js';

export class ValueError extends EvalError {}
