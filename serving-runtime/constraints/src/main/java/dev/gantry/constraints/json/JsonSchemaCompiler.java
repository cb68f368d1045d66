package dev.gantry.constraints.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.constraints.ConstraintException;
import dev.gantry.constraints.ConstraintOptions;
import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.grammar.GrammarDef;

/** Placeholder until the JSON Schema compiler lands. */
public final class JsonSchemaCompiler {
    private JsonSchemaCompiler() {}

    public static GrammarDef compile(JsonNode schema, ConstraintOptions options, CompileBudget budget) {
        throw ConstraintException.unsupported("not yet");
    }
}
