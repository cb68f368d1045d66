/**
 * The model engine: loads a Hugging Face-style model with Deep Java Library (PyTorch), keeps a KV cache
 * per sequence and generates tokens for many sequences at once. {@link dev.gantry.engine.InferenceEngine}
 * is the entry point; nothing here knows about HTTP.
 */
package dev.gantry.engine;
