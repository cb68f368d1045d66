package dev.gantry.install.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read the way BuildKit reads its instructions (continuation lines joined, comments dropped, global
 * {@code ARG} defaults substituted into {@code FROM}), enough to check what an image copies, runs as and exposes
 * without a Docker engine.
 */
record Dockerfile(Path path, List<Stage> stages) {

    /** One instruction, keyword in upper case. */
    record Instruction(String keyword, String arguments) {}

    /** One build stage. */
    record Stage(String name, String from, List<Instruction> instructions) {

        List<String> arguments(String keyword) {
            return instructions.stream()
                    .filter(i -> i.keyword().equals(keyword))
                    .map(Instruction::arguments)
                    .toList();
        }

        Optional<String> last(String keyword) {
            var all = arguments(keyword);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }

        /** The {@code key="value"} pairs of every LABEL instruction. */
        Map<String, String> labels() {
            var labels = new LinkedHashMap<String, String>();
            var pair = Pattern.compile("([a-zA-Z0-9._-]+)=\"([^\"]*)\"");
            for (var label : arguments("LABEL")) {
                Matcher m = pair.matcher(label);
                while (m.find()) {
                    labels.put(m.group(1), m.group(2));
                }
            }
            return labels;
        }

        /** {@code COPY --from=<stage> <source> <destination>} instructions, as (source, destination). */
        List<List<String>> copiesFrom(String stage) {
            var copies = new ArrayList<List<String>>();
            for (var copy : arguments("COPY")) {
                var words = List.of(copy.trim().split("\\s+"));
                if (words.contains("--from=" + stage)) {
                    var paths = words.stream().filter(w -> !w.startsWith("--")).toList();
                    copies.add(paths);
                }
            }
            return copies;
        }
    }

    static Dockerfile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var instructions = new ArrayList<String>();
        var current = new StringBuilder();
        for (var line : lines) {
            var trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                instructions.add(current.toString());
                current.setLength(0);
            }
        }
        var globalArgs = new LinkedHashMap<String, String>();
        var stages = new ArrayList<Stage>();
        List<Instruction> stageInstructions = null;
        for (var text : instructions) {
            var split = text.split("\\s+", 2);
            var keyword = split[0].toUpperCase(Locale.ROOT);
            var arguments = split.length > 1 ? split[1] : "";
            if (keyword.equals("FROM")) {
                var parts = arguments.split("\\s+");
                var image = substitute(parts[0], globalArgs);
                var name =
                        parts.length == 3 && parts[1].equalsIgnoreCase("AS") ? parts[2] : String.valueOf(stages.size());
                stageInstructions = new ArrayList<>();
                stages.add(new Stage(name, image, stageInstructions));
            } else if (stageInstructions == null) {
                if (keyword.equals("ARG")) {
                    var kv = arguments.split("=", 2);
                    globalArgs.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            } else {
                stageInstructions.add(new Instruction(keyword, arguments));
            }
        }
        return new Dockerfile(path, stages);
    }

    Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    Stage stage(String name) {
        return stages.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(path + " has no stage " + name));
    }

    private static String substitute(String value, Map<String, String> args) {
        var result = value;
        for (var arg : args.entrySet()) {
            result = result.replace("${" + arg.getKey() + "}", arg.getValue())
                    .replace("$" + arg.getKey(), arg.getValue());
        }
        return result;
    }
}
