/**
 * The operator's own configuration ({@code gantry.*} properties, set by the Helm chart) and the CDI beans built
 * from it: reconciler settings, the clock, leader election and the rollout hook's default. Quarkus-specific
 * wiring lives here and nowhere else.
 */
package dev.gantry.operator.config;
