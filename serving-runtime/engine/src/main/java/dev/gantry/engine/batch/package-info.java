/**
 * What one forward pass takes and gives: a {@link dev.gantry.engine.batch.StepBatch} of rows (a sequence's
 * new tokens, where they start, its KV cache slot) and the next-token logits of every row.
 */
package dev.gantry.engine.batch;
