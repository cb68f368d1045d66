/** Choosing the device (GPU when present) and the data type the model runs in. */
package dev.gantry.engine.device;
