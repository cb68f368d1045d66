/**
 * Continuous batching: a bounded FIFO queue, admission up to the concurrency limit, prefill then one
 * decode step for every running sequence per iteration, cancellation and back-pressure.
 */
package dev.gantry.engine.scheduler;
