package dev.gantry.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static RuntimeConfig load(Map<String, String> env, String... flags) {
        return ConfigLoader.load(Settings.from(env, List.of(flags)));
    }

    @Test
    void defaultsFollowTheDocumentedContract() {
        RuntimeConfig config = load(Map.of());

        assertThat(config.modelDir()).isNull();
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.maxBatchSize()).isEqualTo(8);
        assertThat(config.maxConcurrentSequences()).isEqualTo(64);
        assertThat(config.maxQueueSize()).isEqualTo(256);
        assertThat(config.queueTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.defaultMaxTokens()).isEqualTo(256);
        assertThat(config.limitMaxTokens()).isEqualTo(4096);
        assertThat(config.limitMaxTemperature()).isEqualTo(2.0);
        assertThat(config.allowedConstraints())
                .containsExactlyInAnyOrder("choice", "regex", "json", "json_schema", "grammar");
        assertThat(config.constraintCompileTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.maxRequestBytes()).isEqualTo(1_048_576);
        assertThat(config.cacheEnabled()).isFalse();
        assertThat(config.cacheTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.authEnabled()).isFalse();
        assertThat(config.rateLimited()).isFalse();
        assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.revision()).isEqualTo("none");
        assertThat(config.logFormat()).isEqualTo("text");
        assertThat(config.profile()).isEqualTo("production");
    }

    @Test
    void flagsWinOverEnvironmentVariablesInBothFlagForms() {
        RuntimeConfig config = load(
                Map.of("GANTRY_MAX_BATCH_SIZE", "4", "GANTRY_PORT", "9000", "GANTRY_QUEUE_TIMEOUT", "1m30s"),
                "--max-batch-size=16",
                "--port",
                "9100");

        assertThat(config.maxBatchSize()).isEqualTo(16);
        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.queueTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void theRateLimitBurstDefaultsToTheRpm() {
        RuntimeConfig config = load(Map.of("GANTRY_RATE_LIMIT_RPM", "120"));

        assertThat(config.rateLimitBurst()).isEqualTo(120);
        assertThat(config.rateLimited()).isTrue();
    }

    @Test
    void allowedConstraintsAreParsedAndChecked() {
        assertThat(load(Map.of("GANTRY_ALLOWED_CONSTRAINTS", " regex , JSON ")).allowedConstraints())
                .isEqualTo(Set.of("regex", "json"));
        assertThat(load(Map.of("GANTRY_ALLOWED_CONSTRAINTS", "none")).allowedConstraints())
                .isEmpty();
        assertThatThrownBy(() -> load(Map.of("GANTRY_ALLOWED_CONSTRAINTS", "regex,xml")))
                .hasMessageContaining("unknown kind 'xml'");
    }

    @Test
    void badValuesNameTheVariableAndTheFlag() {
        assertThatThrownBy(() -> load(Map.of("GANTRY_MAX_BATCH_SIZE", "many")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("GANTRY_MAX_BATCH_SIZE (--max-batch-size) must be an integer");
        assertThatThrownBy(() -> load(Map.of("GANTRY_CACHE_TTL", "soon"))).hasMessageContaining("GANTRY_CACHE_TTL");
        assertThatThrownBy(() -> load(Map.of("GANTRY_CACHE_URL", "http://redis:6379")))
                .hasMessageContaining("redis://");
        assertThatThrownBy(() -> load(Map.of("GANTRY_DTYPE", "int8"))).hasMessageContaining("bfloat16");
        assertThatThrownBy(() -> load(Map.of("GANTRY_MODEL_DIR", "/no/such/dir")))
                .hasMessageContaining("is not a directory");
        assertThatThrownBy(() -> load(Map.of(), "--max-batch-sise=8"))
                .hasMessageContaining("unknown flag --max-batch-sise");
    }

    @Test
    void torchscriptIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> load(Map.of("GANTRY_MODEL_FORMAT", "torchscript")))
                .hasMessageContaining("torchscript is not supported by this build");
    }

    @Test
    void faultInjectionIsRefusedOutsideTheTestProfile() {
        assertThatThrownBy(() -> load(Map.of("GANTRY_FAULT_ERROR_RATE", "0.5")))
                .hasMessageContaining("refused unless GANTRY_PROFILE=test");
        assertThatThrownBy(() -> load(Map.of("GANTRY_FAULT_DELAY", "200ms")))
                .hasMessageContaining("GANTRY_PROFILE=test");

        RuntimeConfig test =
                load(Map.of("GANTRY_PROFILE", "test", "GANTRY_FAULT_ERROR_RATE", "0.5", "GANTRY_FAULT_DELAY", "200ms"));
        assertThat(test.faultErrorRate()).isEqualTo(0.5);
        assertThat(test.faultDelay()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void theCachePasswordComesOnlyFromTheEnvironment() {
        assertThat(load(Map.of("GANTRY_CACHE_PASSWORD", "s3cret")).cachePassword())
                .isEqualTo("s3cret");
        assertThatThrownBy(() -> load(Map.of(), "--cache-password=s3cret")).hasMessageContaining("unknown flag");
    }

    @Test
    void goDurationsParseAndFormat() {
        assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(GoDuration.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(GoDuration.parse("0")).isZero();
        assertThat(GoDuration.format(Duration.ofSeconds(3690))).isEqualTo("1h1m30s");
        assertThatThrownBy(() -> GoDuration.parse("30")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> GoDuration.parse("5 minutes")).hasMessageContaining("not a duration");
    }
}
