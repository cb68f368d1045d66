package dev.gantry.runtime;

import dev.gantry.engine.InferenceEngine;
import dev.gantry.engine.ModelInfo;
import dev.gantry.engine.model.TokenizerSettings;
import dev.gantry.runtime.cache.ResponseCache;
import dev.gantry.runtime.chat.ChatTemplate;
import dev.gantry.runtime.config.RuntimeConfig;
import dev.gantry.runtime.constraint.ConstraintCompiler;
import dev.gantry.runtime.constraint.ConstraintValidator;
import dev.gantry.runtime.generate.GenerateEndpoint;
import dev.gantry.runtime.http.Endpoints;
import dev.gantry.runtime.inference.InferenceService;
import dev.gantry.runtime.inference.RequestPreparer;
import dev.gantry.runtime.metrics.RuntimeMetrics;
import dev.gantry.runtime.openai.ChatCompletionsEndpoint;
import dev.gantry.runtime.openai.CompletionsEndpoint;
import dev.gantry.runtime.openai.ModelsEndpoint;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the model-dependent endpoints once the engine is loaded: the one place the pieces meet. */
final class EndpointAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointAssembly.class);

    private EndpointAssembly() {}

    /** {@code compiler} turns constraints into token masks (see {@code ConstraintEngineSetup}). */
    static Endpoints build(
            RuntimeConfig config,
            InferenceEngine engine,
            String modelName,
            ResponseCache cache,
            boolean cacheEnabled,
            RuntimeMetrics metrics,
            ConstraintCompiler compiler,
            ExecutorService compileExecutor) {
        ModelInfo info = engine.info();
        InferenceService service =
                new InferenceService(engine, cache, cacheEnabled, metrics, config.revision(), modelName);
        RequestPreparer preparer = new RequestPreparer(
                config, info, new ConstraintValidator(config.allowedConstraints()), compiler, metrics, compileExecutor);
        TokenizerSettings settings = engine.tokenizer().settings();
        ChatTemplate template = new ChatTemplate(settings.chatTemplate(), settings.bosToken(), settings.eosToken());
        if (!template.isCustom()) {
            LOG.info("tokenizer_config.json has no chat_template: chat requests use the default template");
        }
        return new Endpoints(
                new CompletionsEndpoint(service, modelName, config, engine.tokenizer(), preparer, info.vocabSize()),
                new ChatCompletionsEndpoint(service, modelName, config, engine.tokenizer(), template, preparer),
                new GenerateEndpoint(service, modelName, config, engine.tokenizer(), preparer),
                new ModelsEndpoint(modelName, info.maxContextLength(), System.currentTimeMillis() / 1000));
    }
}
