/**
 * Choosing the next token of every sequence in a batch on the device: penalties, constraint masks
 * ({@link dev.gantry.engine.sampling.TokenMask}), greedy, temperature, top-k and top-p sampling. Only
 * packed mask words go to the device and only token ids come back.
 */
package dev.gantry.engine.sampling;
