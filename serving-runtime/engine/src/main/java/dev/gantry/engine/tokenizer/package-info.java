/** Tokenization through DJL's Hugging Face tokenizers, and the special tokens a model declares. */
package dev.gantry.engine.tokenizer;
