/**
 * The JSON Schema compiler: schema nodes and references, per-type shapes combined by set operations
 * for allOf/anyOf/oneOf/not/if, exact number and string-format languages, and the emitter that writes
 * the generator's JSON layout as a grammar.
 */
package dev.gantry.constraints.json;
