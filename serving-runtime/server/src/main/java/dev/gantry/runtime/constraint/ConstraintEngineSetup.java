package dev.gantry.runtime.constraint;

import dev.gantry.constraints.Vocabulary;
import dev.gantry.engine.InferenceEngine;
import dev.gantry.engine.sampling.SamplingParams;
import dev.gantry.engine.scheduler.GenerationRequest;
import dev.gantry.runtime.metrics.RuntimeMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the constraint compiler at start-up, before the server reports ready: reads the model's
 * vocabulary once, warms up the library (JIT, shared format automata, the vocabulary's token trie) and
 * runs one constrained generation through the engine's masked sampling path. A model whose tokenizer
 * the library cannot use gets the unavailable compiler (501 with the reason) instead of a failed start.
 */
public final class ConstraintEngineSetup {
    private static final Logger LOG = LoggerFactory.getLogger(ConstraintEngineSetup.class);

    private ConstraintEngineSetup() {}

    public static ConstraintCompiler prepare(
            Set<String> allowedKinds, Path tokenizerDir, InferenceEngine engine, RuntimeMetrics metrics) {
        if (allowedKinds.isEmpty()) {
            return new UnavailableConstraintCompiler("no constraint kind is allowed on this deployment");
        }
        long start = System.nanoTime();
        Vocabulary vocabulary;
        try {
            vocabulary = ModelVocabulary.load(tokenizerDir, engine.info());
        } catch (RuntimeException e) {
            LOG.error("constrained generation is unavailable: {}", e.getMessage());
            return new UnavailableConstraintCompiler("the model's tokenizer cannot be used for it: " + e.getMessage());
        }
        dev.gantry.constraints.ConstraintCompiler.warmUp(vocabulary);
        LibraryConstraintCompiler compiler = new LibraryConstraintCompiler(vocabulary, metrics);
        int[] prompt = engine.tokenizer().encode("Hello", true);
        engine.generate(new GenerationRequest(
                prompt, SamplingParams.GREEDY, 8, List.of(), Set.of(), false, compiler.warmUpMask(8)));
        LOG.info(
                "constraint engine ready: {} tokens, end of sequence {}, warmed up in {} ms",
                vocabulary.tokenCount(),
                engine.info().endOfSequenceIds(),
                (System.nanoTime() - start) / 1_000_000);
        return compiler;
    }
}
