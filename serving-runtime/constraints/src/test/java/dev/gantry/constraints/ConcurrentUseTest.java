package dev.gantry.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.constraints.support.SchemaCorpus;
import dev.gantry.constraints.support.TestVocabularies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One compiled constraint shared by many sequences on many threads (as the runtime uses it): the masks
 * each thread sees while its caches fill concurrently are the masks a lone thread sees.
 */
class ConcurrentUseTest {
    @Test
    void threadsSharingACompiledConstraintSeeTheSameMasks() throws Exception {
        Vocabulary vocab = TestVocabularies.gpt2();
        String schema = SchemaCorpus.realistic().stream()
                .filter(s -> s.name().equals("order"))
                .findFirst()
                .orElseThrow()
                .schema()
                .toString();
        List<Long> expected = trace(compile(schema, vocab), vocab, 7);
        CompiledConstraint shared = compile(schema, vocab.withEosTokenIds(vocab.eosTokenIds()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<Long>>> runs = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            runs.add(pool.submit(() -> trace(shared, vocab, 7)));
        }

        for (Future<List<Long>> run : runs) {
            assertThat(run.get()).isEqualTo(expected);
        }
        pool.shutdown();
    }

    private static CompiledConstraint compile(String schema, Vocabulary vocab) {
        return ConstraintCompiler.compileUncached(
                Constraint.jsonSchema(schema), vocab, ConstraintOptions.DEFAULTS, ConstraintMetrics.NONE);
    }

    /** Hashes of the masks along one seeded random walk (the lowest allowed token past 60 steps). */
    private static List<Long> trace(CompiledConstraint c, Vocabulary vocab, long seed) {
        Random random = new Random(seed);
        Matcher m = c.newMatcher();
        int[] mask = new int[m.maskWords()];
        List<Long> hashes = new ArrayList<>();
        for (int step = 0; step < 120 && !m.isComplete(); step++) {
            m.fillMask(mask);
            hashes.add((long) Arrays.hashCode(mask));
            List<Integer> allowed = new ArrayList<>();
            for (int t = 0; t < vocab.size(); t++) {
                if ((mask[t >>> 5] & (1 << (t & 31))) != 0 && !vocab.isEos(t)) {
                    allowed.add(t);
                }
            }
            if (allowed.isEmpty()) {
                break;
            }
            int token = step < 60 ? allowed.get(random.nextInt(allowed.size())) : allowed.get(0);
            assertThat(m.accept(token)).isTrue();
        }
        return hashes;
    }
}
