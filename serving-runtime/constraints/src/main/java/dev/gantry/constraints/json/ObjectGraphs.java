package dev.gantry.constraints.json;

import dev.gantry.constraints.ConstraintException;
import dev.gantry.constraints.automaton.Expr;
import java.util.List;

/**
 * The member sequences of an object as graphs: nodes remember how far through the declared properties
 * the object is, whether a member was written (for the comma) and how many members so far (for
 * min/maxProperties), so that a required member can never be skipped and counts are exact.
 */
final class ObjectGraphs {
    private ObjectGraphs() {}

    /** Declared properties in schema order, each optional unless required; other keys after them. */
    static JsonEmitter.Graph declaredOrder(JsonEmitter e, ObjectShape o, List<JsonEmitter.FreeMember> free) {
        int k = o.props.size();
        int cap = countCap(o);
        JsonEmitter.Graph g = new JsonEmitter.Graph();
        int fin = g.node();
        int[][][] at = new int[k + 1][2][cap + 1];
        for (int i = 0; i <= k; i++) {
            for (int w = 0; w < 2; w++) {
                for (int c = 0; c <= cap; c++) {
                    at[i][w][c] = g.node();
                }
            }
        }
        g.start = at[0][0][0];
        g.end = fin;
        for (int i = 0; i <= k; i++) {
            for (int w = 0; w < 2; w++) {
                for (int c = 0; c <= cap; c++) {
                    int from = at[i][w][c];
                    int next = nextCount(o, c, cap);
                    if (i < k) {
                        ObjectShape.Prop p = o.props.get(i);
                        if (!p.required()) {
                            g.edge(from, at[i + 1][w][c], Expr.EMPTY);
                        }
                        if (next >= 0) {
                            g.edge(from, at[i + 1][1][next], e.declaredMember(p, w == 0));
                        }
                        continue;
                    }
                    if (next >= 0) {
                        for (JsonEmitter.FreeMember f : free) {
                            g.edge(from, at[k][1][next], e.freeMember(f, w == 0));
                        }
                    }
                    if (c >= o.minProps) {
                        g.edge(from, fin, e.close(w == 0));
                    }
                }
            }
        }
        return g;
    }

    /** Declared properties in any order (each at most once), other keys anywhere among them. */
    static JsonEmitter.Graph anyOrder(JsonEmitter e, ObjectShape o, List<JsonEmitter.FreeMember> free, int maxProps) {
        int k = o.props.size();
        if (k > maxProps) {
            throw new ConstraintException(
                    ConstraintException.Reason.LIMIT_EXCEEDED,
                    "property order ANY supports at most " + maxProps + " declared properties per object (this one has "
                            + k + "); raise maxAnyOrderProperties or use DECLARED order");
        }
        int cap = countCap(o);
        int sets = 1 << k;
        int requiredMask = 0;
        for (int i = 0; i < k; i++) {
            requiredMask |= o.props.get(i).required() ? 1 << i : 0;
        }
        JsonEmitter.Graph g = new JsonEmitter.Graph();
        int fin = g.node();
        int[][][] at = new int[sets][2][cap + 1];
        for (int m = 0; m < sets; m++) {
            for (int w = 0; w < 2; w++) {
                for (int c = 0; c <= cap; c++) {
                    at[m][w][c] = g.node();
                }
            }
        }
        g.start = at[0][0][0];
        g.end = fin;
        for (int m = 0; m < sets; m++) {
            for (int w = 0; w < 2; w++) {
                for (int c = 0; c <= cap; c++) {
                    int from = at[m][w][c];
                    int next = nextCount(o, c, cap);
                    if (next >= 0) {
                        for (int i = 0; i < k; i++) {
                            if ((m & (1 << i)) == 0) {
                                g.edge(from, at[m | (1 << i)][1][next], e.declaredMember(o.props.get(i), w == 0));
                            }
                        }
                        for (JsonEmitter.FreeMember f : free) {
                            g.edge(from, at[m][1][next], e.freeMember(f, w == 0));
                        }
                    }
                    if ((m & requiredMask) == requiredMask && c >= o.minProps) {
                        g.edge(from, fin, e.close(w == 0));
                    }
                }
            }
        }
        return g;
    }

    /** Counts are tracked up to maxProperties, or up to minProperties when there is no maximum. */
    private static int countCap(ObjectShape o) {
        return o.maxProps >= 0 ? o.maxProps : o.minProps;
    }

    /** The count after one more member, or -1 when maxProperties forbids it. */
    private static int nextCount(ObjectShape o, int c, int cap) {
        if (o.maxProps >= 0) {
            return c + 1 <= o.maxProps ? c + 1 : -1;
        }
        return Math.min(c + 1, cap);
    }
}
