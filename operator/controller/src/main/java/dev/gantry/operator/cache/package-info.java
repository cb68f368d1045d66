/**
 * The response cache: what the runtime is told about it ({@link dev.gantry.operator.cache.CacheBinding}) and,
 * in Managed mode, the Redis the operator runs for one ModelDeployment (Secret, config, workload, Service,
 * NetworkPolicy). Pure rendering only; the password itself is an input.
 */
package dev.gantry.operator.cache;
