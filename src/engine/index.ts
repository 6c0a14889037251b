/** Engine: runs the registered rules over a Session and orders their findings. */
export { runRules, type RuleRun } from './run-rules.js';
export { orderAndNumber } from './order.js';
