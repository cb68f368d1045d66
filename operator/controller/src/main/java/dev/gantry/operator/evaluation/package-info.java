/**
 * Evaluation prompts: sent to a candidate revision's own Service before it receives traffic, each output checked
 * with independent validators (networknt for JSON Schema, java.util.regex, exact choice) rather than the runtime's
 * constraint engine, so that a broken engine cannot pass its own test. Reports results; deciding what a failed
 * gate means belongs to the modelrollout package.
 */
package dev.gantry.operator.evaluation;
