/**
 * The Llama family (llama, mistral, qwen2) written with DJL NDArray operations: rotary embeddings with
 * scaling, RMSNorm, SwiGLU, grouped-query attention over a paged KV cache, batched forward passes.
 */
package dev.gantry.engine.llama;
