package dev.gantry.runtime.config;

/** A setting the runtime cannot start with; the message names the variable or flag and the problem. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
