package dev.gantry.engine.kv;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keys and values of every running sequence, allocated once on the device: per layer one tensor of
 * {@code (slots + 1) * capacity} positions, so that a sequence owns the rows
 * {@code [slot * capacity, (slot + 1) * capacity)} and the last block is scratch for padding. Fixed slots
 * make every step's cache reads and writes one indexed operation per layer, whatever the batch.
 */
public final class KvCache implements AutoCloseable {
    private final NDArray[] keys;
    private final NDArray[] values;
    private final int slots;
    private final int capacity;
    private final long bytesPerSlot;
    private final Deque<Integer> free = new ArrayDeque<>();

    public KvCache(NDManager manager, int layers, int slots, int capacity, int kvHeads, int headDim, DataType type) {
        if (slots <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("KV cache needs at least one slot and one position");
        }
        this.slots = slots;
        this.capacity = capacity;
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        Shape shape = new Shape((long) (slots + 1) * capacity, kvHeads, headDim);
        for (int layer = 0; layer < layers; layer++) {
            keys[layer] = manager.zeros(shape, type);
            values[layer] = manager.zeros(shape, type);
        }
        this.bytesPerSlot = 2L * layers * capacity * kvHeads * headDim * type.getNumOfBytes();
        for (int slot = 0; slot < slots; slot++) {
            free.addLast(slot);
        }
    }

    /** Bytes of device memory the cache needs for the given shape, before allocating it. */
    public static long requiredBytes(int layers, int slots, int capacity, int kvHeads, int headDim, DataType type) {
        return 2L * layers * (slots + 1L) * capacity * kvHeads * headDim * type.getNumOfBytes();
    }

    public NDArray keys(int layer) {
        return keys[layer];
    }

    public NDArray values(int layer) {
        return values[layer];
    }

    public int capacity() {
        return capacity;
    }

    public int slots() {
        return slots;
    }

    /** First flat index of the scratch block that padded positions are written to. */
    public int scratchBase() {
        return slots * capacity;
    }

    /** Device memory one sequence's slot holds (keys and values, all layers, full capacity). */
    public long bytesPerSlot() {
        return bytesPerSlot;
    }

    public synchronized int freeSlots() {
        return free.size();
    }

    /** Takes a free slot, or returns -1 when all are in use. */
    public synchronized int acquire() {
        Integer slot = free.pollFirst();
        return slot == null ? -1 : slot;
    }

    public synchronized void release(int slot) {
        if (slot < 0 || slot >= slots || free.contains(slot)) {
            throw new IllegalStateException("slot " + slot + " is not in use");
        }
        free.addLast(slot);
    }

    @Override
    public void close() {
        for (int layer = 0; layer < keys.length; layer++) {
            keys[layer].close();
            values[layer].close();
        }
    }
}
