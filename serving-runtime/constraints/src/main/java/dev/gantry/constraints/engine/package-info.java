/**
 * The token-mask engine: a pushdown matcher over rule automata, the vocabulary trie, per-state token
 * classifications cached per vocabulary, and memoised resolution of tokens that cross rule boundaries.
 * Hot paths live here.
 */
package dev.gantry.constraints.engine;
