package dev.gantry.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.constraints.support.TestVocabularies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConstraintCompilerTest {
    private static final Vocabulary VOCAB = TestVocabularies.stories260k();
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}";

    /** Counts the metric hooks. */
    static final class Counting implements ConstraintMetrics {
        final AtomicInteger compiled = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger hits = new AtomicInteger();
        final AtomicInteger masks = new AtomicInteger();

        @Override
        public void compiled(ConstraintKind kind, long nanos) {
            compiled.incrementAndGet();
        }

        @Override
        public void compileFailed(ConstraintKind kind, ConstraintException.Reason reason) {
            failed.incrementAndGet();
        }

        @Override
        public void cacheHit(ConstraintKind kind) {
            hits.incrementAndGet();
        }

        @Override
        public void maskComputed(long nanos) {
            masks.incrementAndGet();
        }
    }

    @Test
    void servesTheSameCompiledConstraintFromTheCache() {
        Counting metrics = new Counting();
        ConstraintCompiler compiler = new ConstraintCompiler(8, metrics);

        CompiledConstraint a = compiler.compile(Constraint.jsonSchema(SCHEMA), VOCAB, ConstraintOptions.DEFAULTS);
        CompiledConstraint b = compiler.compile(Constraint.jsonSchema(SCHEMA), VOCAB, ConstraintOptions.DEFAULTS);

        assertThat(b).isSameAs(a);
        assertThat(metrics.compiled.get()).isEqualTo(1);
        assertThat(metrics.hits.get()).isEqualTo(1);
    }

    @Test
    void keysTheCacheByOptionsAndVocabularyToo() {
        ConstraintCompiler compiler = new ConstraintCompiler();
        Constraint c = Constraint.jsonSchema(SCHEMA);

        CompiledConstraint a = compiler.compile(c, VOCAB, ConstraintOptions.DEFAULTS);
        CompiledConstraint compact = compiler.compile(
                c,
                VOCAB,
                ConstraintOptions.builder().whitespace(Whitespace.compact()).build());
        CompiledConstraint other = compiler.compile(c, VOCAB.withEosTokenIds(1), ConstraintOptions.DEFAULTS);

        assertThat(compact).isNotSameAs(a);
        assertThat(other).isNotSameAs(a);
        assertThat(compiler.cachedCount()).isEqualTo(3);
    }

    @Test
    void evictsTheLeastRecentlyUsedBeyondCapacity() {
        ConstraintCompiler compiler = new ConstraintCompiler(2, ConstraintMetrics.NONE);
        CompiledConstraint first = compiler.compile(Constraint.regex("a"), VOCAB, ConstraintOptions.DEFAULTS);
        compiler.compile(Constraint.regex("b"), VOCAB, ConstraintOptions.DEFAULTS);
        compiler.compile(Constraint.regex("c"), VOCAB, ConstraintOptions.DEFAULTS);

        CompiledConstraint again = compiler.compile(Constraint.regex("a"), VOCAB, ConstraintOptions.DEFAULTS);

        assertThat(compiler.cachedCount()).isEqualTo(2);
        assertThat(again).isNotSameAs(first);
    }

    @Test
    void concurrentRequestsForOneConstraintCompileItOnce() throws Exception {
        Counting metrics = new Counting();
        ConstraintCompiler compiler = new ConstraintCompiler(8, metrics);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<CompiledConstraint>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return compiler.compile(Constraint.jsonSchema(SCHEMA), VOCAB, ConstraintOptions.DEFAULTS);
            }));
        }

        go.countDown();
        CompiledConstraint first = results.get(0).get();
        pool.shutdown();

        for (Future<CompiledConstraint> f : results) {
            assertThat(f.get()).isSameAs(first);
        }
        assertThat(metrics.compiled.get()).isEqualTo(1);
    }

    @Test
    void stopsACompilationThatRunsPastItsTimeLimit() {
        Counting metrics = new Counting();
        ConstraintCompiler compiler = new ConstraintCompiler(8, metrics);
        String big =
                "{\"type\":\"array\",\"items\":{\"type\":\"string\",\"pattern\":\"^([a-z]{1,30}\\\\.){1,30}[a-z]{2,20}$\",\"maxLength\":900},\"maxItems\":900}";
        ConstraintOptions quick =
                ConstraintOptions.builder().compileTimeout(Duration.ofMillis(1)).build();

        assertThatThrownBy(() -> compiler.compile(Constraint.jsonSchema(big), VOCAB, quick))
                .isInstanceOf(ConstraintTimeoutException.class)
                .hasMessageContaining("time limit");
        assertThat(compiler.cachedCount()).isZero();
        assertThat(metrics.failed.get()).isEqualTo(1);
    }

    @Test
    void stopsACancelledCompilation() {
        ConstraintOptions cancelled =
                ConstraintOptions.builder().cancelled(() -> true).build();

        assertThatThrownBy(() -> ConstraintCompiler.compileUncached(
                        Constraint.jsonSchema(SCHEMA), VOCAB, cancelled, ConstraintMetrics.NONE))
                .isInstanceOf(ConstraintTimeoutException.class)
                .hasMessageContaining("cancelled");
    }

    @Test
    void warmUpPreparesAVocabularyWithoutFailing() {
        long nanos = ConstraintCompiler.warmUp(TestVocabularies.stories260k());

        assertThat(nanos).isPositive();
    }

    @Test
    void reportsMaskTimesThroughTheMetricsHook() {
        Counting metrics = new Counting();
        CompiledConstraint c = new ConstraintCompiler(8, metrics)
                .compile(Constraint.regex("[ab]+"), VOCAB, ConstraintOptions.DEFAULTS);
        Matcher m = c.newMatcher();
        int[] mask = new int[m.maskWords()];

        m.fillMask(mask);
        m.fillMask(mask);

        assertThat(metrics.masks.get()).isEqualTo(2);
    }
}
