package dev.gantry.constraints;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the output must look like: one of a list of strings, a regular expression, any JSON value, a
 * JSON Schema, or a GBNF grammar. A value object; {@link #cacheKey()} identifies it for the compiled
 * constraint cache.
 */
public sealed interface Constraint {
    ConstraintKind kind();

    /** A canonical text of the constraint, equal for equal constraints. */
    String cacheKey();

    /** The output is exactly one of {@code options}. */
    record Choice(List<String> options) implements Constraint {
        public Choice {
            if (options == null || options.isEmpty()) {
                throw ConstraintException.invalid("a choice needs at least one option");
            }
            options = List.copyOf(options);
        }

        @Override
        public ConstraintKind kind() {
            return ConstraintKind.CHOICE;
        }

        @Override
        public String cacheKey() {
            try {
                return "choice:" + Mappers.JSON.writeValueAsString(options);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The whole output matches {@code pattern} (see docs/constraints.md for the subset). */
    record Regex(String pattern) implements Constraint {
        public Regex {
            if (pattern == null) {
                throw ConstraintException.invalid("a regex constraint needs a pattern");
            }
        }

        @Override
        public ConstraintKind kind() {
            return ConstraintKind.REGEX;
        }

        @Override
        public String cacheKey() {
            return "regex:" + pattern;
        }
    }

    /** The output is any JSON value (objects and arrays included). */
    record Json() implements Constraint {
        @Override
        public ConstraintKind kind() {
            return ConstraintKind.JSON;
        }

        @Override
        public String cacheKey() {
            return "json";
        }
    }

    /** The output is a JSON value valid against {@code schema} (draft 2020-12 subset). */
    record JsonSchema(JsonNode schema) implements Constraint {
        public JsonSchema {
            if (schema == null || !(schema.isObject() || schema.isBoolean())) {
                throw ConstraintException.invalid("a JSON Schema must be an object or a boolean");
            }
            schema = schema.deepCopy();
        }

        @Override
        public ConstraintKind kind() {
            return ConstraintKind.JSON_SCHEMA;
        }

        @Override
        public String cacheKey() {
            return "json_schema:" + schema;
        }
    }

    /** The output matches the GBNF grammar's {@code root} rule. */
    record Grammar(String gbnf, String root) implements Constraint {
        public Grammar {
            if (gbnf == null) {
                throw ConstraintException.invalid("a grammar constraint needs a grammar");
            }
            root = root == null ? "root" : root;
        }

        @Override
        public ConstraintKind kind() {
            return ConstraintKind.GRAMMAR;
        }

        @Override
        public String cacheKey() {
            return "grammar:" + root + ":" + gbnf;
        }
    }

    static Constraint choice(List<String> options) {
        return new Choice(options);
    }

    static Constraint regex(String pattern) {
        return new Regex(pattern);
    }

    static Constraint json() {
        return new Json();
    }

    static Constraint jsonSchema(JsonNode schema) {
        return new JsonSchema(schema);
    }

    /** Parses the schema text; malformed JSON is an {@link ConstraintException.Reason#INVALID} error. */
    static Constraint jsonSchema(String schemaJson) {
        try {
            return new JsonSchema(Mappers.JSON.readTree(schemaJson));
        } catch (JsonProcessingException e) {
            throw ConstraintException.invalid("the JSON Schema is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static Constraint grammar(String gbnf) {
        return new Grammar(gbnf, "root");
    }

    static Constraint grammar(String gbnf, String root) {
        return new Grammar(gbnf, root);
    }
}
