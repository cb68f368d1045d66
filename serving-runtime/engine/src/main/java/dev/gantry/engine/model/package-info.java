/**
 * Reading a Hugging Face model directory: {@code config.json}, {@code generation_config.json},
 * {@code tokenizer_config.json} and {@code *.safetensors} weights (single file or sharded with an index).
 */
package dev.gantry.engine.model;
