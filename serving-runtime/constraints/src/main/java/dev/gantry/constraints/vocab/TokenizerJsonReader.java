package dev.gantry.constraints.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.constraints.ConstraintException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Hugging Face {@code tokenizer.json} into the exact bytes each token id decodes to: byte-level
 * BPE (GPT-2's byte-to-unicode alphabet, as in Llama 3 and Qwen), SentencePiece-style vocabularies
 * ({@code ▁} for space, {@code <0xNN>} byte-fallback tokens), added and special tokens, and the
 * end-of-sequence ids from the sibling {@code tokenizer_config.json} / {@code generation_config.json}.
 */
public final class TokenizerJsonReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WELL_KNOWN_EOS =
            List.of("</s>", "<|endoftext|>", "<|end_of_text|>", "<|eot_id|>", "<|im_end|>", "<eos>", "<|end|>");

    /** What the tokenizer file says. {@code excluded} marks added/special tokens. */
    public record Result(byte[][] tokens, BitSet excluded, int[] eos) {}

    private enum Style {
        BYTE_LEVEL,
        METASPACE,
        PLAIN
    }

    private TokenizerJsonReader() {}

    public static Result read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw ConstraintException.invalid("cannot read tokenizer file " + file + ": " + e.getMessage());
        }
        JsonNode model = root.path("model");
        String type = model.path("type").asText("");
        Style style = style(root);
        boolean byteFallback =
                model.path("byte_fallback").asBoolean(false) || mentions(root.path("decoder"), "ByteFallback");
        List<String> pieces = new ArrayList<>();
        switch (type) {
            case "BPE", "WordLevel" -> readMap(model.path("vocab"), pieces);
            case "Unigram" -> readList(model.path("vocab"), pieces);
            default ->
                throw ConstraintException.unsupported(
                        "tokenizer model type '" + type + "' is not supported (BPE, Unigram and WordLevel are)");
        }
        BitSet excluded = new BitSet();
        Map<String, Integer> added = new java.util.HashMap<>();
        for (JsonNode t : root.path("added_tokens")) {
            int id = t.path("id").asInt();
            String content = t.path("content").asText();
            while (pieces.size() <= id) {
                pieces.add(null);
            }
            pieces.set(id, content);
            excluded.set(id);
            added.put(content, id);
        }
        byte[][] tokens = new byte[pieces.size()][];
        for (int id = 0; id < tokens.length; id++) {
            String piece = pieces.get(id);
            if (piece == null) {
                excluded.set(id);
                tokens[id] = new byte[0];
            } else if (excluded.get(id)) {
                tokens[id] = piece.getBytes(StandardCharsets.UTF_8);
            } else {
                tokens[id] = decode(piece, style, byteFallback);
            }
        }
        int[] eos = findEos(file.getParent(), pieces, added);
        return new Result(tokens, excluded, eos);
    }

    private static Style style(JsonNode root) {
        JsonNode decoder = root.path("decoder");
        if (mentions(decoder, "ByteLevel") || mentions(root.path("pre_tokenizer"), "ByteLevel")) {
            return Style.BYTE_LEVEL;
        }
        if (mentions(decoder, "Metaspace") || decoder.toString().contains("\u2581")) {
            return Style.METASPACE;
        }
        if (mentions(decoder, "WordPiece")) {
            throw ConstraintException.unsupported("WordPiece tokenizers are not supported");
        }
        return Style.PLAIN;
    }

    private static boolean mentions(JsonNode node, String type) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (type.equals(node.path("type").asText())) {
            return true;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode() && mentions(child, type)) {
                return true;
            }
        }
        return false;
    }

    private static void readMap(JsonNode vocab, List<String> pieces) {
        Iterator<Map.Entry<String, JsonNode>> it = vocab.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            int id = e.getValue().asInt();
            while (pieces.size() <= id) {
                pieces.add(null);
            }
            pieces.set(id, e.getKey());
        }
    }

    private static void readList(JsonNode vocab, List<String> pieces) {
        for (JsonNode entry : vocab) {
            pieces.add(entry.get(0).asText());
        }
    }

    static byte[] decode(String piece, Style style, boolean byteFallback) {
        if (byteFallback && piece.length() == 6 && piece.startsWith("<0x") && piece.endsWith(">")) {
            try {
                return new byte[] {(byte) Integer.parseInt(piece.substring(3, 5), 16)};
            } catch (NumberFormatException e) {
                // an ordinary token that looks like one
            }
        }
        return switch (style) {
            case BYTE_LEVEL -> ByteLevelAlphabet.decode(piece);
            case METASPACE -> piece.replace('\u2581', ' ').getBytes(StandardCharsets.UTF_8);
            case PLAIN -> piece.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static int[] findEos(Path dir, List<String> pieces, Map<String, Integer> added) {
        Set<Integer> eos = new LinkedHashSet<>();
        if (dir != null) {
            JsonNode config = readOptional(dir.resolve("tokenizer_config.json"));
            JsonNode token = config.path("eos_token");
            String content =
                    token.isTextual() ? token.asText() : token.path("content").asText(null);
            if (content != null) {
                Integer id = added.get(content);
                if (id == null) {
                    id = pieces.indexOf(content) >= 0 ? pieces.indexOf(content) : null;
                }
                if (id != null) {
                    eos.add(id);
                }
            }
            for (String name : List.of("generation_config.json", "config.json")) {
                JsonNode ids = readOptional(dir.resolve(name)).path("eos_token_id");
                if (ids.isInt()) {
                    eos.add(ids.asInt());
                } else if (ids.isArray()) {
                    ids.forEach(n -> eos.add(n.asInt()));
                }
            }
        }
        if (eos.isEmpty()) {
            for (String name : WELL_KNOWN_EOS) {
                Integer id = added.get(name);
                if (id != null) {
                    eos.add(id);
                }
            }
        }
        eos.removeIf(id -> id < 0 || id >= pieces.size());
        return eos.stream().mapToInt(Integer::intValue).toArray();
    }

    private static JsonNode readOptional(Path file) {
        if (!Files.isRegularFile(file)) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
