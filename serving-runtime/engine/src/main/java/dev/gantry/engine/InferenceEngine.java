package dev.gantry.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.gantry.engine.device.DeviceChoice;
import dev.gantry.engine.kv.KvCache;
import dev.gantry.engine.llama.LlamaModel;
import dev.gantry.engine.model.GenerationConfig;
import dev.gantry.engine.model.ModelConfig;
import dev.gantry.engine.model.ModelLoadException;
import dev.gantry.engine.model.WeightStore;
import dev.gantry.engine.sampling.BatchSampler;
import dev.gantry.engine.scheduler.CollectingListener;
import dev.gantry.engine.scheduler.GenerationHandle;
import dev.gantry.engine.scheduler.GenerationListener;
import dev.gantry.engine.scheduler.GenerationRequest;
import dev.gantry.engine.scheduler.GenerationResult;
import dev.gantry.engine.scheduler.Scheduler;
import dev.gantry.engine.tokenizer.TextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded model ready to generate: tokenizer, weights on the chosen device, KV cache and the
 * continuous-batching scheduler. Create with {@link #load}, submit requests, close at shutdown.
 */
public final class InferenceEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceEngine.class);

    private final TextTokenizer tokenizer;
    private final LlamaModel model;
    private final Scheduler scheduler;
    private final ModelInfo info;

    private InferenceEngine(TextTokenizer tokenizer, LlamaModel model, Scheduler scheduler, ModelInfo info) {
        this.tokenizer = tokenizer;
        this.model = model;
        this.scheduler = scheduler;
        this.info = info;
    }

    public static InferenceEngine load(EngineOptions options) {
        DjlSettings.apply();
        Path dir = options.modelDir();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ModelLoadException("model directory " + dir + " does not exist");
        }
        ModelConfig config = ModelConfig.read(dir);
        GenerationConfig generation = GenerationConfig.read(dir);
        Engine engine = Engine.getEngine("PyTorch");
        DeviceChoice device = DeviceChoice.resolve(options.device(), options.dtype(), engine);
        TextTokenizer tokenizer = TextTokenizer.load(options.tokenizerDir() != null ? options.tokenizerDir() : dir);
        int context = contextLength(options, config);
        int slots = options.scheduler().maxConcurrentSequences();
        LOG.info(
                "loading {} model from {} on {} (context {}, {} sequence slots, KV cache {} MiB)",
                config.modelType(),
                dir,
                device,
                context,
                slots,
                KvCache.requiredBytes(
                                config.numLayers(),
                                slots,
                                context,
                                config.numKeyValueHeads(),
                                config.headDim(),
                                device.dataType())
                        >> 20);
        NDManager manager = engine.newBaseManager(device.device());
        LlamaModel model;
        try {
            model = LlamaModel.load(
                    WeightStore.open(dir, manager, device.dataType()),
                    config,
                    manager,
                    device.dataType(),
                    context,
                    slots);
        } catch (RuntimeException e) {
            manager.close();
            tokenizer.close();
            throw e instanceof ModelLoadException
                    ? e
                    : new ModelLoadException(
                            "cannot load the model onto " + device + " (lower GANTRY_MAX_CONCURRENT_SEQUENCES or "
                                    + "GANTRY_MAX_CONTEXT_LENGTH if memory ran out): " + e.getMessage(),
                            e);
        }
        int[] eos = endOfSequenceIds(config, generation, tokenizer);
        BatchSampler sampler = new BatchSampler(manager, config.vocabSize(), eos, options.maskObserver());
        Scheduler scheduler = new Scheduler(
                model,
                model.cache(),
                manager,
                sampler,
                tokenizer,
                eos,
                options.scheduler(),
                // PyTorch's grad mode is per thread: switch autograd off where every forward pass runs.
                () -> JniUtils.setGradMode(false));
        Integer bos = config.bosTokenId() != null ? config.bosTokenId() : generation.bosTokenId();
        ModelInfo info = new ModelInfo(
                config,
                device,
                context,
                config.vocabSize(),
                toList(eos),
                bos,
                model.cache().bytesPerSlot());
        return new InferenceEngine(tokenizer, model, scheduler, info);
    }

    private static int contextLength(EngineOptions options, ModelConfig config) {
        int trained = config.maxPositionEmbeddings();
        int requested = options.maxContextLength();
        if (requested <= 0) {
            return trained;
        }
        if (requested > trained && config.ropeScaling().type() == dev.gantry.engine.model.RopeScaling.Type.NONE) {
            LOG.warn(
                    "max context length {} is above the model's max_position_embeddings {} and the model has no "
                            + "rope_scaling: quality past {} tokens is not what the model was trained for",
                    requested,
                    trained,
                    trained);
        }
        return requested;
    }

    private static int[] endOfSequenceIds(ModelConfig config, GenerationConfig generation, TextTokenizer tokenizer) {
        Set<Integer> ids = new LinkedHashSet<>(config.eosTokenIds());
        ids.addAll(generation.eosTokenIds());
        int fromTokenizer = tokenizer.tokenId(tokenizer.settings().eosToken());
        if (fromTokenizer >= 0) {
            ids.add(fromTokenizer);
        }
        ids.removeIf(id -> id < 0 || id >= config.vocabSize());
        if (ids.isEmpty()) {
            LOG.warn("the model declares no end-of-sequence token: sequences end only at max_tokens or stop strings");
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Integer> toList(int[] ids) {
        List<Integer> list = new ArrayList<>();
        for (int id : ids) {
            list.add(id);
        }
        return List.copyOf(list);
    }

    public GenerationHandle submit(GenerationRequest request, GenerationListener listener) {
        return scheduler.submit(request, listener);
    }

    /** Generates one sequence and waits for it (warm-up, tests, tools; the server streams instead). */
    public GenerationResult generate(GenerationRequest request) {
        CollectingListener listener = new CollectingListener();
        submit(request, listener);
        try {
            return listener.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    public ModelInfo info() {
        return info;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** The model itself, for tests and benchmarks that drive forward passes directly. */
    public LlamaModel model() {
        return model;
    }

    @Override
    public void close() {
        scheduler.close();
        model.close();
        tokenizer.close();
    }
}
