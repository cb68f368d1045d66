package dev.gantry.runtime.constraint;

import dev.gantry.constraints.Vocabulary;
import dev.gantry.constraints.vocab.TokenizerJsonReader;
import dev.gantry.engine.ModelInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The model's vocabulary as the constraint library needs it: token bytes from {@code tokenizer.json},
 * the engine's end-of-sequence ids (so that the mask allows exactly the tokens that end a sequence,
 * end-of-turn included) and the width of the model's logits.
 */
public final class ModelVocabulary {
    private ModelVocabulary() {}

    /**
     * @throws IllegalStateException when the tokenizer cannot be read or does not fit the model, with
     *     the reason
     */
    public static Vocabulary load(Path tokenizerDir, ModelInfo model) {
        Path file = tokenizerDir.resolve("tokenizer.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing");
        }
        if (model.endOfSequenceIds().isEmpty()) {
            throw new IllegalStateException("the model declares no end-of-sequence token");
        }
        TokenizerJsonReader.Result read;
        try {
            read = TokenizerJsonReader.read(file);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (read.tokens().length > model.vocabSize()) {
            throw new IllegalStateException("the tokenizer has " + read.tokens().length
                    + " tokens but the model's vocab_size is " + model.vocabSize());
        }
        int[] eos =
                model.endOfSequenceIds().stream().mapToInt(Integer::intValue).toArray();
        return Vocabulary.of(Arrays.asList(read.tokens()), read.excluded(), eos).withSize(model.vocabSize());
    }
}
