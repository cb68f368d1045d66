/**
 * Byte-level automata: expressions with rule references, Thompson NFAs, subset construction,
 * Hopcroft minimisation, and set operations (intersection, union, difference) on reference-free
 * automata. Knows nothing of tokens or JSON.
 */
package dev.gantry.constraints.automaton;
