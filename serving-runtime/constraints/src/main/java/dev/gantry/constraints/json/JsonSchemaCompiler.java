package dev.gantry.constraints.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.constraints.ConstraintOptions;
import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.grammar.GrammarDef;

/**
 * Compiles a JSON Schema (draft 2020-12 subset, see docs/constraints.md) into a grammar whose
 * language is exactly the valid instances in the generator's JSON layout.
 */
public final class JsonSchemaCompiler {
    private JsonSchemaCompiler() {}

    public static GrammarDef compile(JsonNode schema, ConstraintOptions options, CompileBudget budget) {
        SchemaDocument doc = new SchemaDocument(schema);
        ShapeBuilder shapes = new ShapeBuilder(doc, options, budget);
        Conj root = Conj.of(doc.root());
        shapes.of(root);
        return JsonEmitter.emit(shapes, root);
    }
}
