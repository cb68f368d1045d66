/** Test-only fault injection (error rate, added latency) for end-to-end tests of rollouts; refused in production. */
package dev.gantry.runtime.fault;
