/** The KV cache: one slot of device memory per running sequence, handed out and taken back by the scheduler. */
package dev.gantry.engine.kv;
