package dev.gantry.engine.scheduler;

/** The engine is shutting down and accepts or continues no work. */
public class EngineClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineClosedException() {
        super("the engine is shutting down");
    }
}
