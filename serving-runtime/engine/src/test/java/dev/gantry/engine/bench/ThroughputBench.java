package dev.gantry.engine.bench;

import dev.gantry.engine.EngineOptions;
import dev.gantry.engine.InferenceEngine;
import dev.gantry.engine.TestModels;
import dev.gantry.engine.sampling.SamplingParams;
import dev.gantry.engine.scheduler.FinishReason;
import dev.gantry.engine.scheduler.GenerationListener;
import dev.gantry.engine.scheduler.GenerationRequest;
import dev.gantry.engine.scheduler.GenerationStats;
import dev.gantry.engine.scheduler.SchedulerConfig;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Engine throughput on the embedded model (a bench harness, not a test): single-stream tokens/s and
 * time to first token, aggregate tokens/s at 1, 4, 16 and 64 concurrent streams through the
 * continuous-batching scheduler, and memory per sequence. Each point is the median of several runs.
 *
 * <pre>
 * ./mvnw -B -q -pl serving-runtime/engine test-compile exec:java \
 *     -Dexec.mainClass=dev.gantry.engine.bench.ThroughputBench -Dexec.classpathScope=test \
 *     [-Dbench.tokens=128] [-Dbench.repeats=3] [-Dbench.batch=64]
 * </pre>
 */
public final class ThroughputBench {
    private static final int[] CONCURRENCY = {1, 4, 16, 64};

    private ThroughputBench() {}

    /** One run's figures. */
    record Result(
            int streams,
            double seconds,
            long tokens,
            double meanTtftMs,
            double maxTtftMs,
            double perStreamTokensPerSecond) {
        double tokensPerSecond() {
            return tokens / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int tokens = Integer.getInteger("bench.tokens", 128);
        int repeats = Integer.getInteger("bench.repeats", 3);
        int batch = Integer.getInteger("bench.batch", 64);
        System.out.println("load before: " + loadAverage());
        EngineOptions options = EngineOptions.forModel(TestModels.stories260K())
                .withDevice("cpu", "float32")
                .withScheduler(new SchedulerConfig(batch, 64, 1024, Duration.ofMinutes(5), 1024));
        try (InferenceEngine engine = InferenceEngine.load(options)) {
            long rssBefore = rssBytes();
            run(engine, 4, 32); // warm-up: JIT and allocator
            System.out.printf(
                    "model %s, max batch size %d, %d new tokens per stream, median of %d runs%n",
                    engine.info().config().modelType(), batch, tokens, repeats);
            System.out.printf(
                    "%8s %12s %14s %14s %14s %16s%n",
                    "streams", "tokens/s", "speed-up", "mean TTFT ms", "max TTFT ms", "tokens/s/stream");
            double single = 0;
            long rssAtOne = 0;
            long rssAtMax = 0;
            for (int streams : CONCURRENCY) {
                List<Result> runs = new ArrayList<>();
                for (int r = 0; r < repeats; r++) {
                    runs.add(run(engine, streams, tokens));
                }
                runs.sort((a, b) -> Double.compare(a.tokensPerSecond(), b.tokensPerSecond()));
                Result median = runs.get(runs.size() / 2);
                if (streams == 1) {
                    single = median.tokensPerSecond();
                    rssAtOne = rssBytes();
                }
                rssAtMax = rssBytes();
                System.out.printf(
                        "%8d %12.0f %13.1fx %14.2f %14.2f %16.0f%n",
                        streams,
                        median.tokensPerSecond(),
                        median.tokensPerSecond() / single,
                        median.meanTtftMs(),
                        median.maxTtftMs(),
                        median.perStreamTokensPerSecond());
            }
            System.out.printf(
                    "KV cache per sequence slot: %d KiB (%d layers x %d positions, preallocated)%n",
                    engine.info().kvCacheBytesPerSequence() / 1024,
                    engine.info().config().numLayers(),
                    engine.info().maxContextLength());
            System.out.printf(
                    "process RSS: %d MiB after load, %d MiB at 1 stream, %d MiB at 64 streams "
                            + "(%d KiB per extra stream beyond the KV slot)%n",
                    rssBefore >> 20, rssAtOne >> 20, rssAtMax >> 20, Math.max(0, (rssAtMax - rssAtOne) / 63 / 1024));
        }
        System.out.println("load after: " + loadAverage());
    }

    static Result run(InferenceEngine engine, int streams, int tokens) throws InterruptedException {
        int[] prompt = engine.tokenizer().encode("Once upon a time", true);
        CountDownLatch done = new CountDownLatch(streams);
        long[] firstToken = new long[streams];
        long[] lastToken = new long[streams];
        long[] generated = new long[streams];
        long start = System.nanoTime();
        for (int i = 0; i < streams; i++) {
            int index = i;
            GenerationRequest request =
                    new GenerationRequest(prompt, SamplingParams.GREEDY, tokens, List.of(), Set.of(), true, null);
            engine.submit(request, new GenerationListener() {
                @Override
                public void onToken(int tokenId, String text) {
                    long now = System.nanoTime();
                    if (firstToken[index] == 0) {
                        firstToken[index] = now;
                    }
                    lastToken[index] = now;
                }

                @Override
                public void onFinish(FinishReason reason, String trailingText, GenerationStats stats) {
                    generated[index] = stats.generatedTokens();
                    done.countDown();
                }

                @Override
                public void onError(Throwable error) {
                    error.printStackTrace();
                    done.countDown();
                }
            });
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("bench run did not finish");
        }
        long end = Arrays.stream(lastToken).max().orElse(start);
        double meanTtft = Arrays.stream(firstToken)
                .mapToDouble(t -> (t - start) / 1e6)
                .average()
                .orElse(0);
        double maxTtft = Arrays.stream(firstToken)
                .mapToDouble(t -> (t - start) / 1e6)
                .max()
                .orElse(0);
        double perStream = 0;
        for (int i = 0; i < streams; i++) {
            perStream += (generated[i] - 1) / Math.max(1e-9, (lastToken[i] - firstToken[i]) / 1e9);
        }
        return new Result(
                streams, (end - start) / 1e9, Arrays.stream(generated).sum(), meanTtft, maxTtft, perStream / streams);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Paths.get("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return 0;
    }
}
