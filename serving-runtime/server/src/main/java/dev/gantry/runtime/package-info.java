/**
 * The serving runtime: {@link dev.gantry.runtime.Main} parses the command line ({@code serve},
 * {@code download}); {@link dev.gantry.runtime.RuntimeServer} wires the engine, HTTP API, cache, auth,
 * metrics and lifecycle together.
 */
package dev.gantry.runtime;
