/** Reading Hugging Face tokenizer files into the exact bytes of every token. */
package dev.gantry.constraints.vocab;
