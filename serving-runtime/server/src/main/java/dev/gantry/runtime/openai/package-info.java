/**
 * The OpenAI-compatible API: {@code /v1/completions}, {@code /v1/chat/completions} and
 * {@code /v1/models}, with their request validation and response formats.
 */
package dev.gantry.runtime.openai;
