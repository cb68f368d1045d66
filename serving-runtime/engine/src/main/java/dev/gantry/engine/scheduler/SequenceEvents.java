package dev.gantry.engine.scheduler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to a sequence's listener so that a failing listener can never break the engine loop,
 * and marks the sequence finished when its stream ends.
 */
final class SequenceEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SequenceEvents.class);

    private SequenceEvents() {}

    static void started(Sequence s) {
        try {
            s.listener.onStarted();
        } catch (RuntimeException e) {
            LOG.warn("generation listener failed in onStarted", e);
        }
    }

    static void token(Sequence s, int token, String text) {
        try {
            s.listener.onToken(token, text);
        } catch (RuntimeException e) {
            LOG.warn("generation listener failed in onToken; cancelling the sequence", e);
            s.cancelled = true;
        }
    }

    static void finish(Sequence s, FinishReason reason, String trailing) {
        s.finished = true;
        try {
            s.listener.onFinish(reason, trailing, s.stats());
        } catch (RuntimeException e) {
            LOG.warn("generation listener failed in onFinish", e);
        }
    }

    static void error(Sequence s, Throwable error) {
        s.finished = true;
        try {
            s.listener.onError(error);
        } catch (RuntimeException e) {
            LOG.warn("generation listener failed in onError", e);
        }
    }
}
