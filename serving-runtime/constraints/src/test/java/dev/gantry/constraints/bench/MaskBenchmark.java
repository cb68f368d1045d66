package dev.gantry.constraints.bench;

import dev.gantry.constraints.CompiledConstraint;
import dev.gantry.constraints.Constraint;
import dev.gantry.constraints.ConstraintCompiler;
import dev.gantry.constraints.ConstraintException;
import dev.gantry.constraints.ConstraintMetrics;
import dev.gantry.constraints.ConstraintOptions;
import dev.gantry.constraints.Vocabulary;
import dev.gantry.constraints.support.RandomSampler;
import dev.gantry.constraints.support.SchemaCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The constraint benchmark (not a test): compiles every schema of the corpus for a real vocabulary and
 * samples outputs token by token, timing each mask on one thread. Pass 1 starts cold (JIT, shared
 * per-vocabulary caches); pass 2 recompiles every schema and measures again (a warmed-up server).
 * Run: see docs/benchmarks.md.
 */
public final class MaskBenchmark {
    private MaskBenchmark() {}

    /** Records mask times from the matcher's own metrics hook. */
    static final class Recorder implements ConstraintMetrics {
        final Stats masks = new Stats();

        @Override
        public void maskComputed(long nanos) {
            masks.add(nanos);
        }
    }

    record Pass(
            Stats masks,
            Stats compile,
            Stats memory,
            Stats accept,
            int schemas,
            int refused,
            int samples,
            int complete,
            double acceptMean) {}

    /** Per-schema worst cases, printed with --details. */
    static final java.util.List<String> DETAILS = new java.util.ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path tokenizer = Path.of(arg(args, "--tokenizer", defaultTokenizer()));
        int samples = Integer.parseInt(arg(args, "--samples", "5"));
        int steps = Integer.parseInt(arg(args, "--steps", "200"));
        if (!Files.exists(tokenizer)) {
            System.err.println("tokenizer not found: " + tokenizer
                    + " (run serving-runtime/constraints/bench/fetch-tokenizers.sh)");
            System.exit(2);
        }
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        long t0 = System.nanoTime();
        Vocabulary vocab = Vocabulary.fromTokenizerJson(tokenizer);
        vocab.index();
        long loadNanos = System.nanoTime() - t0;
        long heapAfterVocabulary = usedHeap();
        List<SchemaCorpus.Named> corpus = BenchCorpus.all();
        String only = arg(args, "--only", null);
        if (only != null) {
            corpus = corpus.stream().filter(n -> n.name().contains(only)).toList();
        }
        Pass cold = run(vocab, corpus, samples, steps, 1);
        Pass warm = run(vocab, corpus, samples, steps, 2);
        List<Constraint> regexes = dev.gantry.constraints.regex.RegexPropertyTest.PATTERNS.stream()
                .map(Constraint::regex)
                .toList();
        List<Constraint> grammars = dev.gantry.constraints.grammar.GrammarPropertyTest.GRAMMARS.values().stream()
                .map(Constraint::grammar)
                .toList();
        run(vocab, regexes, samples, steps, 3);
        Pass regexPass = run(vocab, regexes, samples, steps, 4);
        run(vocab, grammars, samples, steps, 5);
        Pass grammarPass = run(vocab, grammars, samples, steps, 6);
        String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
        long retained = usedHeap() - heapAfterVocabulary;
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "vocabulary: %s (%d ids, trie %d nodes), loaded and indexed in %.0f ms%n",
                tokenizer,
                vocab.size(),
                vocab.index().trie().nodeCount(),
                loadNanos / 1e6);
        System.out.printf(
                Locale.ROOT,
                "corpus: %d schemas, %d compiled, %d refused (unsupported keywords)%n",
                corpus.size(),
                warm.schemas(),
                warm.refused());
        System.out.println("load average before: " + loadBefore + " | after: " + loadAfter);
        System.out.println("java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", cpus: " + Runtime.getRuntime().availableProcessors());
        System.out.printf(
                Locale.ROOT,
                "heap: vocabulary and trie %.1f MiB; shared per-vocabulary caches retained after all passes %.1f MiB (measured after GC)%n",
                heapAfterVocabulary / 1048576.0,
                retained / 1048576.0);
        print("pass 1 (cold process)", cold);
        print("pass 2 (recompiled, warm process)", warm);
        print("regex constraints (" + regexes.size() + " patterns, second pass)", regexPass);
        print("GBNF grammars (" + grammars.size() + " grammars, second pass)", grammarPass);
        if (java.util.Arrays.asList(args).contains("--details")) {
            DETAILS.stream()
                    .filter(d -> d.startsWith("2 ") || d.startsWith("4 ") || d.startsWith("6 "))
                    .sorted((a, b) -> Double.compare(
                            Double.parseDouble(b.substring(2, 13).trim()),
                            Double.parseDouble(a.substring(2, 13).trim())))
                    .limit(25)
                    .forEach(System.out::println);
            System.out.println("-- by memory");
            DETAILS.stream()
                    .filter(d -> d.startsWith("2 "))
                    .sorted((a, b) -> Double.compare(
                            Double.parseDouble(b.split(" us ")[1].trim().split(" ")[0]),
                            Double.parseDouble(a.split(" us ")[1].trim().split(" ")[0])))
                    .limit(15)
                    .forEach(System.out::println);
        }
    }

    private static Pass run(Vocabulary vocab, List<?> corpus, int samples, int steps, long seed) {
        Recorder recorder = new Recorder();
        Stats compile = new Stats();
        Stats memory = new Stats();
        Stats accept = new Stats();
        ConstraintOptions options = ConstraintOptions.builder()
                .compileTimeout(Duration.ofSeconds(60))
                .build();
        RandomSampler sampler = new RandomSampler(vocab, seed);
        int schemas = 0;
        int refused = 0;
        int total = 0;
        int complete = 0;
        for (Object item : corpus) {
            CompiledConstraint c;
            long start = System.nanoTime();
            Constraint constraint =
                    item instanceof SchemaCorpus.Named n ? Constraint.jsonSchema(n.schema()) : (Constraint) item;
            String name = item instanceof SchemaCorpus.Named n ? n.name() : constraint.cacheKey();
            try {
                c = ConstraintCompiler.compileUncached(constraint, vocab, options, recorder);
            } catch (ConstraintException e) {
                refused++;
                continue;
            }
            compile.add(System.nanoTime() - start);
            schemas++;
            int before = recorder.masks.size();
            for (int i = 0; i < samples; i++) {
                long a = System.nanoTime();
                RandomSampler.Sample r = sampler.sample(c, steps);
                accept.add((System.nanoTime() - a) / Math.max(1, r.steps()));
                total++;
                complete += r.complete() ? 1 : 0;
            }
            memory.add(c.estimatedBytes());
            long worst = 0;
            for (int k = before; k < recorder.masks.size(); k++) {
                worst = Math.max(worst, recorder.masks.get(k));
            }
            DETAILS.add(String.format(
                            Locale.ROOT,
                            "%d %10.1f us %10.1f KiB %s",
                            seed,
                            worst / 1e3,
                            c.estimatedBytes() / 1024.0,
                            name.length() > 80 ? name.substring(0, 80) : name)
                    .replace("\n", " "));
        }
        return new Pass(
                recorder.masks, compile, memory, accept, schemas, refused, total, complete, sampler.meanAcceptNanos());
    }

    private static void print(String title, Pass p) {
        System.out.println();
        System.out.println("## " + title);
        System.out.printf(
                Locale.ROOT,
                "samples: %d (%d complete), masks: %d%n",
                p.samples(),
                p.complete(),
                p.masks().size());
        System.out.printf(
                Locale.ROOT,
                "mask     p50 %8.1f us  p90 %8.1f us  p99 %8.1f us  p99.9 %8.1f us  max %8.1f us  mean %8.1f us%n",
                us(p.masks().quantile(0.5)),
                us(p.masks().quantile(0.9)),
                us(p.masks().quantile(0.99)),
                us(p.masks().quantile(0.999)),
                us(p.masks().max()),
                p.masks().mean() / 1e3);
        System.out.printf(
                Locale.ROOT,
                "compile  p50 %8.2f ms  p90 %8.2f ms  p99 %8.2f ms  max %8.2f ms%n",
                ms(p.compile().quantile(0.5)),
                ms(p.compile().quantile(0.9)),
                ms(p.compile().quantile(0.99)),
                ms(p.compile().max()));
        System.out.printf(
                Locale.ROOT,
                "memory per compiled constraint (after sampling): p50 %.1f KiB  p90 %.1f KiB  max %.1f KiB%n",
                p.memory().quantile(0.5) / 1024.0,
                p.memory().quantile(0.9) / 1024.0,
                p.memory().max() / 1024.0);
        System.out.printf(
                Locale.ROOT,
                "accept (advance by one token) mean %.1f us; mask + accept mean %.1f us per token%n",
                p.acceptMean() / 1e3,
                (p.masks().mean() + p.acceptMean()) / 1e3);
    }

    /** Heap in use after a full collection (best effort). */
    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double us(long nanos) {
        return nanos / 1e3;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String defaultTokenizer() {
        String root = System.getProperty("gantry.root", System.getProperty("user.dir"));
        return Path.of(root).resolve(".cache/tokenizers/llama3").toString();
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
