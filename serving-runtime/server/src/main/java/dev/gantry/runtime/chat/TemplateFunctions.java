package dev.gantry.runtime.chat;

/** Functions Hugging Face chat templates call. Public and static because Jinjava binds them by reflection. */
public final class TemplateFunctions {
    /** The message of the last {@code raise_exception} on this thread (Jinjava wraps the exception itself). */
    static final ThreadLocal<String> RAISED = new ThreadLocal<>();

    private TemplateFunctions() {}

    /** {@code raise_exception(message)}: the template rejects the conversation. */
    public static String raiseException(String message) {
        RAISED.set(message);
        throw new IllegalStateException("chat template refused the conversation: " + message);
    }
}
