/** Turning generated token ids into text as they arrive: incremental detokenization and stop strings. */
package dev.gantry.engine.text;
