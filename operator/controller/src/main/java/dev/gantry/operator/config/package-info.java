/**
 * The operator's own configuration ({@code gantry.*} properties, set by the Helm chart) and the CDI beans built
 * from it: reconciler and rollout settings, the clock, leader election and the rollouts' traffic-split source.
 * Quarkus-specific wiring lives here and nowhere else.
 */
package dev.gantry.operator.config;
