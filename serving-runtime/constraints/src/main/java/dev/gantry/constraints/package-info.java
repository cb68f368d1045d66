/**
 * Constrained generation for the serving runtime: constraints (choice, regex, JSON, JSON Schema,
 * GBNF grammar) compiled for a model's {@link dev.gantry.constraints.Vocabulary} into token masks.
 * This package is the whole public API; everything below it is implementation. No HTTP, no
 * Kubernetes, no model engine here.
 */
package dev.gantry.constraints;
