package dev.gantry.install.docs;

import dev.gantry.install.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A document of docs/ as the tests read it: fenced code blocks, table rows, headings and their anchors. */
record Markdown(String name, String text) {

    /** One fenced block and its info string ({@code yaml}, {@code bash}, ...). */
    record Block(String language, String body) {}

    static Markdown read(String name) {
        try {
            return new Markdown(
                    name, Files.readString(Repository.root().resolve("docs").resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Block> blocks() {
        var blocks = new ArrayList<Block>();
        var fence = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
        var matcher = fence.matcher(text);
        while (matcher.find()) {
            blocks.add(new Block(matcher.group(1), matcher.group(2)));
        }
        return blocks;
    }

    /** YAML as a reader would paste it: yaml blocks, and here-documents inside shell blocks. */
    List<String> yamlDocuments() {
        var documents = new ArrayList<String>();
        for (var block : blocks()) {
            if (block.language().equals("yaml")) {
                documents.add(block.body());
            } else if (block.language().equals("bash")) {
                var heredoc = Pattern.compile("(?ms)<<'EOF'\\n(.*?)^EOF$").matcher(block.body());
                while (heredoc.find()) {
                    documents.add(heredoc.group(1));
                }
            }
        }
        return documents;
    }

    /** The rows (without the header) of the first table after a line that starts with {@code marker}. */
    List<List<String>> tableAfter(String marker) {
        var lines = text.lines().toList();
        int at = 0;
        while (at < lines.size() && !lines.get(at).startsWith(marker)) {
            at++;
        }
        if (at == lines.size()) {
            throw new AssertionError(name + " has no line starting with " + marker);
        }
        while (at < lines.size() && !lines.get(at).startsWith("|")) {
            at++;
        }
        var rows = new ArrayList<List<String>>();
        for (; at < lines.size() && lines.get(at).startsWith("|"); at++) {
            var line = lines.get(at);
            if (line.startsWith("| ---")) {
                continue;
            }
            var cells = new ArrayList<String>();
            for (var cell : line.substring(1, line.length() - 1).split("\\|")) {
                cells.add(cell.strip());
            }
            rows.add(cells);
        }
        return rows.isEmpty() ? rows : rows.subList(1, rows.size());
    }

    /** GitHub's anchors of the headings: lower case, punctuation dropped, spaces as hyphens. */
    List<String> anchors() {
        return text.lines()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "")
                        .toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9 -]", "")
                        .replace(' ', '-'))
                .toList();
    }
}
