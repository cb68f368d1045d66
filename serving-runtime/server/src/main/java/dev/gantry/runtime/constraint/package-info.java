/**
 * Constraints in requests ({@code /generate} {@code constraint}, OpenAI {@code response_format}): parsed,
 * checked against the allowed kinds and validated here, then compiled by a {@link
 * dev.gantry.runtime.constraint.ConstraintCompiler} into per-sequence token masks. The compiler that
 * understands regexes, JSON Schema and grammars lives in the constraints library; this build wires none
 * in, so valid constraints are answered 501.
 */
package dev.gantry.runtime.constraint;
