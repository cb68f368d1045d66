package dev.gantry.install.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.install.Manifests;
import dev.gantry.install.Repository;
import dev.gantry.install.chart.HelmChart;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What can be proved about the images without a Docker engine: each Dockerfile copies what the build really
 * produces, runs as the user and listens on the port the chart and the operator's pod specs expect, carries OCI labels
 * and leaves the build tools in the build stage.
 */
class ImagesTest {

    static final Path OPERATOR = Path.of("operator/controller/src/main/docker/Dockerfile");
    static final Path RUNTIME_CPU = Path.of("serving-runtime/Dockerfile");
    static final Path RUNTIME_CUDA = Path.of("serving-runtime/Dockerfile.cuda");
    static final Path QUARKUS_APP = Path.of("operator/controller/target/quarkus-app");

    static Stream<Path> dockerfiles() {
        return Stream.of(OPERATOR, RUNTIME_CPU, RUNTIME_CUDA);
    }

    @Test
    void operatorImageCopiesEveryPartOfTheQuarkusAppTheBuildProduces() throws IOException {
        var dockerfile = read(OPERATOR);
        var build = dockerfile.stage("build");
        var workdir = build.last("WORKDIR").orElseThrow() + "/";
        var copies = dockerfile.finalStage().copiesFrom("build");

        assertThat(String.join(" ", build.arguments("RUN")))
                .contains("-pl operator/controller")
                .contains("package");
        var copied = copies.stream()
                .map(copy -> Path.of(copy.get(0).substring(workdir.length())))
                .toList();
        assertThat(copied)
                .allSatisfy(source -> assertThat(Repository.root().resolve(source))
                        .as("%s copies %s, which `package` must produce", OPERATOR, source)
                        .exists());
        try (var produced = Files.list(Repository.root().resolve(QUARKUS_APP))) {
            var parts = produced.map(p -> QUARKUS_APP.resolve(p.getFileName()))
                    .filter(p -> !p.toString().endsWith(".txt"))
                    .toList();
            assertThat(copied).containsExactlyInAnyOrderElementsOf(parts);
        }
        var runJar = copies.stream()
                .filter(copy -> copy.get(0).endsWith("/quarkus-run.jar"))
                .findFirst()
                .orElseThrow()
                .get(1);
        assertThat(dockerfile.finalStage().last("ENTRYPOINT").orElseThrow()).contains("\"" + runJar + "\"");
    }

    @Test
    void operatorImageRunsAsTheUserAndOnThePortOfTheChart() {
        var pod = HelmChart.render(Map.of())
                .one(Deployment.class, "gantry")
                .getSpec()
                .getTemplate()
                .getSpec();
        var final_ = read(OPERATOR).finalStage();

        var security = pod.getSecurityContext();
        assertThat(final_.last("USER")).hasValue(security.getRunAsUser() + ":" + security.getRunAsGroup());
        assertThat(final_.last("EXPOSE"))
                .hasValue(String.valueOf(
                        pod.getContainers().get(0).getPorts().get(0).getContainerPort()));
    }

    @Test
    void runtimeImagesRunAsTheUserAndOnThePortOfTheRuntimePodsTheOperatorRenders() throws IOException {
        var golden = Files.readString(
                Repository.root().resolve("operator/controller/src/test/resources/golden/examples/cpu-tiny.yaml"));
        var runtime = Manifests.parse(golden).stream()
                .filter(Deployment.class::isInstance)
                .map(Deployment.class::cast)
                .filter(d -> "runtime".equals(d.getMetadata().getLabels().get("app.kubernetes.io/component")))
                .findFirst()
                .orElseThrow()
                .getSpec()
                .getTemplate()
                .getSpec();
        var user = runtime.getSecurityContext().getRunAsUser() + ":"
                + runtime.getSecurityContext().getRunAsGroup();
        var port = runtime.getContainers().get(0).getPorts().stream()
                .filter(p -> "http".equals(p.getName()))
                .findFirst()
                .orElseThrow()
                .getContainerPort();

        for (var path : List.of(RUNTIME_CPU, RUNTIME_CUDA)) {
            var final_ = read(path).finalStage();
            assertThat(final_.last("USER")).as(path.toString()).hasValue(user);
            assertThat(final_.last("EXPOSE")).as(path.toString()).hasValue(String.valueOf(port));
        }
    }

    @Test
    void runtimeImagesCopyTheRunnableJarAndTheModelTheExamplesServe() throws IOException {
        var serverPom = Files.readString(Repository.root().resolve("serving-runtime/server/pom.xml"));
        var shaded =
                first(Pattern.compile("<outputFile>\\$\\{project.build.directory}/([^<]+)</outputFile>"), serverPom);
        var example = Files.readString(Repository.root().resolve("examples/cpu-tiny/model-deployment.yaml"));
        var modelInImage = first(Pattern.compile("uri: file://(\\S+)"), example);

        for (var path : List.of(RUNTIME_CPU, RUNTIME_CUDA)) {
            var dockerfile = read(path);
            var run = String.join(" ", dockerfile.stage("build").arguments("RUN"));
            assertThat(first(Pattern.compile("jar=(\\S+)"), run))
                    .as("%s takes the shaded jar of serving-runtime/server", path)
                    .isEqualTo("serving-runtime/server/target/" + shaded);
            var modelSource = first(Pattern.compile("cp -r (\\S+) /out/models/"), run);
            assertThat(Repository.root().resolve(modelSource)).isDirectory();
            assertThat(String.join(" ", dockerfile.finalStage().arguments("COPY")))
                    .contains(modelInImage);
            assertThat(dockerfile.finalStage().last("ENTRYPOINT").orElseThrow())
                    .contains(first(Pattern.compile("/out/gantry-runtime.jar (\\S+)"), copyLine(dockerfile)));
        }
    }

    @Test
    void cpuImageUnpacksNativesTheRunnableJarContains() throws IOException {
        var run = String.join(" ", read(RUNTIME_CPU).stage("build").arguments("RUN"));
        var built = Repository.root().resolve("serving-runtime/server/target/gantry-runtime.jar");
        var rootPom = Files.readString(Repository.root().resolve("pom.xml"));
        // The runnable jar when it was built, else the two jars the shade plugin puts its natives from.
        var jars = Files.exists(built)
                ? List.of(built)
                : List.of(
                        artifact(
                                "ai.djl.pytorch",
                                "pytorch-native-cpu",
                                property(rootPom, "pytorch-native.version"),
                                "linux-x86_64"),
                        artifact("ai.djl.pytorch", "pytorch-jni", property(rootPom, "pytorch-jni.version"), null));

        var patterns = unzipPatterns(run, "\"$jar\"");

        assertThat(patterns).hasSize(2);
        assertThat(patterns)
                .allSatisfy(pattern -> assertThat(JarEntries.anyMatches(jars, pattern))
                        .as("an entry of %s matches %s", jars, pattern)
                        .isTrue());
    }

    @Test
    void cudaImageUnpacksTheJniLibraryOfTheCudaBuildAndTheNativesItCopies() throws IOException {
        var run = String.join(" ", read(RUNTIME_CUDA).stage("build").arguments("RUN"));
        var serverPom = Files.readString(Repository.root().resolve("serving-runtime/server/pom.xml"));
        var cudaJni = artifact("ai.djl.pytorch", "pytorch-jni", property(serverPom, "pytorch-jni.version"), null);

        assertThat(run).contains("-Pcuda");
        assertThat(unzipPatterns(run, "\"$jar\""))
                .singleElement()
                .satisfies(pattern -> assertThat(JarEntries.anyMatches(List.of(cudaJni), pattern))
                        .as("%s in %s", pattern, cudaJni)
                        .isTrue());
        // The CUDA natives (several GB) are not downloadable here; the image takes them from where the cuda profile
        // copies them.
        assertThat(run).contains("serving-runtime/server/target/natives/pytorch-native-cu124-");
        assertThat(serverPom)
                .contains("<includeArtifactIds>pytorch-native-cu124</includeArtifactIds>")
                .contains("<outputDirectory>${project.build.directory}/natives</outputDirectory>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dockerfiles")
    void finalStageHasNoBuildToolsAndRunsAsNonRoot(Path path) {
        var dockerfile = read(path);
        var final_ = dockerfile.finalStage();

        assertThat(dockerfile.stages()).hasSizeGreaterThan(1);
        assertThat(final_.from()).doesNotContain("jdk").doesNotContain("maven");
        assertThat(String.join(" ", final_.arguments("RUN")))
                .doesNotContain("mvnw")
                .doesNotContain("apt-get install")
                .doesNotContain("unzip");
        assertThat(final_.arguments("COPY")).noneMatch(copy -> copy.trim().startsWith(". "));
        assertThat(final_.last("USER"))
                .hasValueSatisfying(
                        user -> assertThat(user).doesNotStartWith("0").doesNotStartWith("root"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dockerfiles")
    void imageCarriesOciLabels(Path path) {
        var labels = read(path).finalStage().labels();

        assertThat(labels)
                .containsKeys(
                        "org.opencontainers.image.title",
                        "org.opencontainers.image.description",
                        "org.opencontainers.image.source",
                        "org.opencontainers.image.licenses",
                        "org.opencontainers.image.version",
                        "org.opencontainers.image.revision",
                        "org.opencontainers.image.created");
        assertThat(labels.get("org.opencontainers.image.licenses")).isEqualTo("Apache-2.0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dockerfiles")
    void buildContextLeavesOutBuildOutputAndGit(Path path) throws IOException {
        var ignore = Repository.root().resolve(path + ".dockerignore");

        assertThat(Files.readAllLines(ignore)).contains("**/target/", ".git/");
    }

    private static Dockerfile read(Path path) {
        return Dockerfile.read(Repository.root().resolve(path));
    }

    private static String copyLine(Dockerfile dockerfile) {
        return dockerfile.finalStage().copiesFrom("build").stream()
                .map(copy -> String.join(" ", copy))
                .filter(copy -> copy.startsWith("/out/gantry-runtime.jar"))
                .findFirst()
                .orElseThrow();
    }

    /** The patterns {@code unzip -q -j <source> '<pattern>'...} extracts from one source. */
    private static List<String> unzipPatterns(String run, String source) {
        var patterns = new ArrayList<String>();
        var unzip = Pattern.compile("unzip -q -j (\\S+)((?: '[^']+')+)").matcher(run);
        while (unzip.find()) {
            if (unzip.group(1).equals(source)) {
                var quoted = Pattern.compile("'([^']+)'").matcher(unzip.group(2));
                while (quoted.find()) {
                    patterns.add(quoted.group(1));
                }
            }
        }
        return patterns;
    }

    private static Path artifact(String group, String artifact, String version, String classifier) {
        var repository = Path.of(
                System.getProperty("gantry.maven.repository", System.getProperty("user.home") + "/.m2/repository"));
        var file = artifact + "-" + version + (classifier == null ? "" : "-" + classifier) + ".jar";
        var jar = repository
                .resolve(group.replace('.', '/'))
                .resolve(artifact)
                .resolve(version)
                .resolve(file);
        assertThat(jar).as("resolved by the serving-runtime build").exists();
        return jar;
    }

    private static String property(String pom, String name) {
        return first(Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</"), pom);
    }

    private static String first(Pattern pattern, String text) {
        var matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("%s in the text", pattern).isTrue();
        return matcher.group(1);
    }
}
