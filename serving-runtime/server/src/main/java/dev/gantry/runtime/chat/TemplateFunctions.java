package dev.gantry.runtime.chat;

/** Functions Hugging Face chat templates call. Public and static because Jinjava binds them by reflection. */
public final class TemplateFunctions {
    static final String MARKER = "chat template refused the conversation: ";

    private TemplateFunctions() {}

    /** {@code raise_exception(message)}: the template rejects the conversation. */
    public static String raiseException(String message) {
        throw new IllegalStateException(MARKER + message);
    }
}
