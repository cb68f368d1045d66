package dev.gantry.runtime.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.runtime.support.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gantry-runtime download} against a loopback server with the Hub's URL layout, using the real model files. */
class DownloadCommandTest {
    private static final List<String> MODEL_FILES = List.of(
            "config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json", "model.safetensors");

    @TempDir
    Path target;

    private FakeHub hub;

    @BeforeEach
    void start() throws Exception {
        hub = new FakeHub();
        for (String file : MODEL_FILES) {
            hub.addFile(file, Files.readAllBytes(TestServer.modelDir().resolve(file)), file.endsWith(".safetensors"));
        }
        hub.addFile("pytorch_model.bin", new byte[] {1, 2, 3}, true);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private int download(String uri, String token, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--uri=" + uri, "--target=" + target));
        args.addAll(Arrays.asList(extra));
        Map<String, String> env = token == null
                ? Map.of("GANTRY_HF_ENDPOINT", hub.endpoint())
                : Map.of("GANTRY_HF_ENDPOINT", hub.endpoint(), "GANTRY_DOWNLOAD_TOKEN", token);
        return DownloadCommand.run(args, env, Duration.ofMillis(10));
    }

    private HfDownloader downloader(String token) {
        return new HfDownloader(hub.endpoint(), new HttpFetcher(token, 3, Duration.ofMillis(10)));
    }

    private void assertModelFilesArrived() throws Exception {
        for (String file : MODEL_FILES) {
            assertThat(Files.readAllBytes(target.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(TestServer.modelDir().resolve(file)));
        }
    }

    @Test
    void downloadsTheRepositoryResumingAnInterruptedTransfer() throws Exception {
        hub.cutOnce.add("model.safetensors");

        int exit = download("hf://" + FakeHub.REPO, FakeHub.TOKEN);

        assertThat(exit).isZero();
        assertModelFilesArrived();
        assertThat(target.resolve("pytorch_model.bin")).doesNotExist();
        assertThat(target.resolve(".gitattributes")).doesNotExist();
        assertThat(target.resolve(".gantry-download")).doesNotExist();
        assertThat(hub.requests).anySatisfy(r -> assertThat(r).startsWith("/cdn/model.safetensors bytes="));
        assertThat(hub.requests).anySatisfy(r -> assertThat(r).contains("/resolve/" + FakeHub.COMMIT + "/config.json"));
        assertThat(hub.cdnAuthorizations).isNotEmpty().allMatch(a -> a.equals("null"));
    }

    @Test
    void aPartialFileLeftByAnEarlierRunIsContinued() throws Exception {
        byte[] weights = Files.readAllBytes(TestServer.modelDir().resolve("model.safetensors"));
        Path partial = target.resolve(".gantry-download/model.safetensors.part");
        Files.createDirectories(partial.getParent());
        Files.write(partial, Arrays.copyOf(weights, 100_000));

        assertThat(download("hf://" + FakeHub.REPO + "@main", FakeHub.TOKEN)).isZero();

        assertModelFilesArrived();
        assertThat(hub.requests).contains("/cdn/model.safetensors bytes=100000-");
    }

    @Test
    void filesAlreadyPresentAndVerifiedAreNotDownloadedAgain() throws Exception {
        assertThat(download("hf://" + FakeHub.REPO, FakeHub.TOKEN)).isZero();
        hub.requests.clear();

        assertThat(download("hf://" + FakeHub.REPO, FakeHub.TOKEN)).isZero();

        assertThat(hub.requests).noneMatch(r -> r.contains("/resolve/") || r.startsWith("/cdn/"));
    }

    @Test
    void aMissingOrBadTokenIsAClearError() {
        assertThat(download("hf://" + FakeHub.REPO, "hf_wrong")).isEqualTo(1);
        assertThatThrownBy(() -> downloader("hf_wrong").download("hf://" + FakeHub.REPO, target))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("not accepted");
        assertThatThrownBy(() -> downloader(null).download("hf://" + FakeHub.REPO, target))
                .hasMessageContaining("GANTRY_DOWNLOAD_TOKEN is missing");
    }

    @Test
    void aMissingRepositoryIsNotFound() {
        assertThatThrownBy(() -> downloader(FakeHub.TOKEN).download("hf://gantry-test/no-such-model", target))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("hf://gantry-test/no-such-model")
                .hasMessageContaining("404");
    }

    @Test
    void aCorruptedFileFailsTheIntegrityCheck() {
        hub.corrupt.add("tokenizer.json");

        assertThatThrownBy(() -> downloader(FakeHub.TOKEN).download("hf://" + FakeHub.REPO, target))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("integrity check failed for tokenizer.json");
        assertThat(target.resolve("tokenizer.json")).doesNotExist();
    }

    @Test
    void aTarGzArchiveIsCheckedAndUnpackedWithoutItsTopFolder() throws Exception {
        byte[] archive = tarGz("stories260K/");
        hub.addArchive("model.tar.gz", archive);
        hub.cutOnce.add("/archives/model.tar.gz");

        int exit = download(
                hub.endpoint() + "/archives/model.tar.gz", null, "--sha256=" + FakeHub.hex("SHA-256", archive, null));

        assertThat(exit).isZero();
        assertModelFilesArrived();
        assertThat(target.resolve(".gantry-download")).doesNotExist();
    }

    @Test
    void aZipArchiveWithTheWrongChecksumIsRefused() throws Exception {
        hub.addArchive("model.zip", zip("", "config.json"));

        assertThat(download(hub.endpoint() + "/archives/model.zip", null, "--sha256=" + "0".repeat(64)))
                .isEqualTo(1);
        assertThat(target.resolve("config.json")).doesNotExist();

        assertThat(download(hub.endpoint() + "/archives/model.zip", null)).isZero();
        assertThat(target.resolve("config.json")).exists();
    }

    @Test
    void archiveEntriesThatEscapeTheTargetAreRefused() throws Exception {
        hub.addArchive("evil.zip", zip("", "../evil.json"));

        assertThatThrownBy(() -> new ArchiveDownloader(new HttpFetcher(null, 2, Duration.ofMillis(10)))
                        .download(hub.endpoint() + "/archives/evil.zip", target, null))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("leaves the target directory");
        assertThat(target.getParent().resolve("evil.json")).doesNotExist();
    }

    @Test
    void badArgumentsExitWithTwo() {
        assertThat(DownloadCommand.run(List.of("--target=" + target), Map.of(), Duration.ZERO))
                .isEqualTo(2);
        assertThat(DownloadCommand.run(
                        List.of("--uri=s3://bucket/model", "--target=" + target), Map.of(), Duration.ZERO))
                .isEqualTo(1);
    }

    private static byte[] tarGz(String prefix) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (String file : MODEL_FILES) {
                byte[] content = Files.readAllBytes(TestServer.modelDir().resolve(file));
                TarArchiveEntry entry = new TarArchiveEntry(prefix + file);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(String prefix, String name) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(prefix + name));
            zip.write("{\"model_type\": \"llama\"}".getBytes());
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
