package dev.gantry.engine.scheduler;

/** The prompt leaves no room in the context for a single generated token. */
public class PromptTooLongException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PromptTooLongException(int promptTokens, int contextLength) {
        super("the prompt has " + promptTokens + " tokens but the context holds " + contextLength
                + " tokens including the output");
    }
}
