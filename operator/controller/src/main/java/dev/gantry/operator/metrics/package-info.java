/**
 * Operator metrics: java-operator-sdk's Micrometer metrics per controller, plus reconcile counters and
 * durations per ModelDeployment, removed when the resource is deleted.
 */
package dev.gantry.operator.metrics;
