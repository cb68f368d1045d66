package dev.gantry.constraints.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a generated block of docs/constraints.md (between {@code <!-- name:begin -->} and {@code <!--
 * name:end -->}) in sync with what a test computes: the test fails when the document is stale, and
 * {@code -Dgantry.regenerate=true} rewrites it.
 */
public final class DocBlock {
    private DocBlock() {}

    public static void check(String name, String content) {
        Path doc = Path.of(System.getProperty("gantry.root", "../..")).resolve("docs/constraints.md");
        try {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            String begin = "<!-- " + name + ":begin -->\n";
            String end = "<!-- " + name + ":end -->";
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            assertThat(from).as("docs/constraints.md has a %s block", name).isGreaterThanOrEqualTo(0);
            String current = text.substring(from + begin.length(), to);
            if (Boolean.getBoolean("gantry.regenerate")) {
                Files.writeString(
                        doc,
                        text.substring(0, from + begin.length()) + content + text.substring(to),
                        StandardCharsets.UTF_8);
                return;
            }
            assertThat(current)
                    .as("the %s table in docs/constraints.md is stale; regenerate with -Dgantry.regenerate=true", name)
                    .isEqualTo(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
