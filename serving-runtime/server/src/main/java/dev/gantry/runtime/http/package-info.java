/**
 * The HTTP layer on Vert.x Web: routes, the filter chain of inference endpoints (metrics, drain, auth,
 * rate limit, body limit), OpenAI-shaped errors and streaming by server-sent events.
 */
package dev.gantry.runtime.http;
