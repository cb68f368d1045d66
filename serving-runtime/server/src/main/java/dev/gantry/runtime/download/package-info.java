/**
 * {@code gantry-runtime download}: fetches a model for the operator's init container from the Hugging
 * Face Hub ({@code hf://org/name@revision}) or an {@code https://} archive, with integrity checks,
 * resumable transfers and progress in the log.
 */
package dev.gantry.runtime.download;
