package dev.gantry.constraints.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.constraints.ConstraintException;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.Dfas;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The number and string keywords of one schema node, applied to a shape's number and string parts. */
final class ScalarKeywords {
    private final ShapeBuilder shapes;

    ScalarKeywords(ShapeBuilder shapes) {
        this.shapes = shapes;
    }

    Shape numbers(SchemaNode n, Shape s) {
        Dfa lang = s.numbers;
        if (lang == null) {
            return s;
        }
        if (n.has("minimum")) {
            lang = Dfas.intersect(
                    lang, NumberLanguages.atLeast(decimal(n, "minimum"), false, shapes.budget), shapes.budget);
        }
        if (n.has("exclusiveMinimum")) {
            lang = Dfas.intersect(
                    lang, NumberLanguages.atLeast(decimal(n, "exclusiveMinimum"), true, shapes.budget), shapes.budget);
        }
        if (n.has("maximum")) {
            lang = Dfas.intersect(
                    lang, NumberLanguages.atMost(decimal(n, "maximum"), false, shapes.budget), shapes.budget);
        }
        if (n.has("exclusiveMaximum")) {
            lang = Dfas.intersect(
                    lang, NumberLanguages.atMost(decimal(n, "exclusiveMaximum"), true, shapes.budget), shapes.budget);
        }
        if (n.has("multipleOf")) {
            BigDecimal m = decimal(n, "multipleOf");
            if (m.signum() <= 0) {
                throw n.error("multipleOf", "multipleOf must be greater than 0");
            }
            lang = Dfas.intersect(
                    lang, NumberLanguages.multipleOf(m, n.at("multipleOf"), shapes.budget), shapes.budget);
        }
        return s.withNumbers(lang);
    }

    static BigDecimal decimal(SchemaNode n, String keyword) {
        JsonNode v = n.get(keyword);
        if (!v.isNumber()) {
            throw n.error(keyword, keyword + " must be a number");
        }
        return v.decimalValue();
    }

    static int count(SchemaNode n, String keyword) {
        JsonNode v = n.get(keyword);
        if (!v.isIntegralNumber()
                && !(v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0)) {
            throw n.error(keyword, keyword + " must be a non-negative integer");
        }
        BigDecimal d = v.decimalValue();
        if (d.signum() < 0) {
            throw n.error(keyword, keyword + " must be a non-negative integer");
        }
        return d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE : d.intValue();
    }

    Shape strings(SchemaNode n, Shape s) {
        if (s.strings.isEmpty()) {
            return s;
        }
        boolean any = n.has("minLength") || n.has("maxLength") || n.has("pattern") || n.has("format");
        if (!any) {
            return s;
        }
        int min = n.has("minLength") ? count(n, "minLength") : 0;
        long max = n.has("maxLength") ? count(n, "maxLength") : -1;
        Dfa content = null;
        if (n.has("pattern")) {
            content = pattern(n, "pattern", n.get("pattern"));
        }
        if (n.has("format")) {
            Dfa f = format(n);
            if (f != null) {
                content = content == null ? f : Dfas.intersect(content, f, shapes.budget);
                int limit = Formats.maxLength(n.get("format").asText());
                if (limit >= 0) {
                    max = max < 0 ? limit : Math.min(max, limit);
                }
            }
        }
        StringLang c = new StringLang(content, min, max);
        List<StringLang> out = new ArrayList<>();
        for (StringLang x : s.strings) {
            StringLang y = x.and(c, shapes.budget);
            if (!y.isEmpty()) {
                out.add(y);
            }
        }
        return s.withStrings(out);
    }

    /** The content language of an ECMA-style pattern: it matches anywhere unless anchored. */
    Dfa pattern(SchemaNode n, String keyword, JsonNode value) {
        if (!value.isTextual()) {
            throw n.error(keyword, "pattern must be a string");
        }
        try {
            return PatternLanguage.search(value.asText(), shapes.budget);
        } catch (dev.gantry.constraints.ConstraintTimeoutException e) {
            throw e;
        } catch (ConstraintException e) {
            throw new ConstraintException(
                    e.reason(), e.getMessage() + " (at " + n.at(keyword) + ")", n.at(keyword), keyword);
        }
    }

    private Dfa format(SchemaNode n) {
        JsonNode f = n.get("format");
        if (!f.isTextual()) {
            throw n.error("format", "format must be a string");
        }
        Dfa content = Formats.content(f.asText());
        if (content == null && !shapes.options.ignoreUnknownFormats()) {
            throw n.unsupported(
                    "format",
                    "format '" + f.asText() + "' is not supported (supported: "
                            + String.join(", ", new java.util.TreeSet<>(Formats.SUPPORTED))
                            + "; option ignoreUnknownFormats accepts it unenforced)");
        }
        return content;
    }
}
