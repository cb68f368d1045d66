/**
 * Constraints in requests ({@code /generate} {@code constraint}, OpenAI {@code response_format}): parsed,
 * checked against the allowed kinds and validated here, then compiled by the constraint library ({@link
 * dev.gantry.runtime.constraint.LibraryConstraintCompiler}) into per-sequence token masks that the engine
 * applies to the logits.
 */
package dev.gantry.runtime.constraint;
