package dev.gantry.runtime.logging;

import java.util.logging.LogManager;

/**
 * A LogManager whose {@code reset()} does nothing: the JDK resets logging from its own shutdown hook,
 * which would silence the drain messages logged by the runtime's shutdown hook after SIGTERM.
 */
public final class ShutdownSafeLogManager extends LogManager {
    @Override
    public void reset() {
        // keep handlers until the JVM is gone
    }
}
