/**
 * Grammars as named rules of byte expressions (the form every constraint kind lowers to), the GBNF
 * reader, and the compiler that turns rules into minimal automata bound to engine rules.
 */
package dev.gantry.constraints.grammar;
