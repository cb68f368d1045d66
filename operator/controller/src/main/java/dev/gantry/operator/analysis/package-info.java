/**
 * Measuring a revision's health for a rollout: the built-in metrics computed from the runtime's own Prometheus
 * endpoint on each ready pod (the formulas of docs/metrics.md), Prometheus queries and webhooks, and the success
 * conditions they are judged by. Measures and judges one interval; deciding what a verdict means for the rollout
 * belongs to the modelrollout package.
 */
package dev.gantry.operator.analysis;
