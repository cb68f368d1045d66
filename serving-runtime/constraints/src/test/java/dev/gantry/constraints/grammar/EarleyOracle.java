package dev.gantry.constraints.grammar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An independent GBNF recogniser for the tests: its own small GBNF reader (sharing no code with the
 * library) turned into a plain context-free grammar over code points, and an Earley parser. Slow and
 * simple on purpose; it decides whether a string is in the grammar's language.
 */
public final class EarleyOracle {
    /** A symbol: a nonterminal (rule index) or a terminal (a set of code point ranges). */
    private record Sym(int rule, int[] ranges) {
        boolean terminal() {
            return ranges != null;
        }

        boolean matches(int cp) {
            for (int i = 0; i < ranges.length; i += 2) {
                if (cp >= ranges[i] && cp <= ranges[i + 1]) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<List<List<Sym>>> rules = new ArrayList<>();
    private final Map<String, Integer> names = new HashMap<>();
    private final int root;
    private String src;
    private int pos;

    public EarleyOracle(String gbnf, String rootName) {
        this.src = gbnf;
        skip();
        while (pos < src.length()) {
            String name = name();
            skip();
            expect("::=");
            int r = rule(name);
            rules.set(r, alternatives());
            skip();
        }
        this.root = names.get(rootName);
    }

    private int rule(String name) {
        Integer r = names.get(name);
        if (r == null) {
            r = rules.size();
            names.put(name, r);
            rules.add(null);
        }
        return r;
    }

    private int fresh(List<List<Sym>> body) {
        rules.add(body);
        return rules.size() - 1;
    }

    private List<List<Sym>> alternatives() {
        List<List<Sym>> alts = new ArrayList<>();
        alts.add(sequence());
        while (true) {
            skip();
            if (pos < src.length() && src.charAt(pos) == '|') {
                pos++;
                alts.add(sequence());
            } else {
                return alts;
            }
        }
    }

    private List<Sym> sequence() {
        List<Sym> seq = new ArrayList<>();
        while (true) {
            skip();
            if (pos >= src.length() || src.charAt(pos) == '|' || src.charAt(pos) == ')' || ruleStartsHere()) {
                return seq;
            }
            Sym atom = atom();
            seq.add(postfix(atom));
        }
    }

    private Sym postfix(Sym atom) {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            int min;
            int max;
            if (c == '*') {
                min = 0;
                max = -1;
            } else if (c == '+') {
                min = 1;
                max = -1;
            } else if (c == '?') {
                min = 0;
                max = 1;
            } else if (c == '{') {
                int close = src.indexOf('}', pos);
                String[] parts = src.substring(pos + 1, close).split(",", -1);
                min = parts[0].isBlank() ? 0 : Integer.parseInt(parts[0].trim());
                max = parts.length == 1 ? min : parts[1].isBlank() ? -1 : Integer.parseInt(parts[1].trim());
                pos = close;
            } else {
                return atom;
            }
            pos++;
            atom = repeat(atom, min, max);
        }
        return atom;
    }

    /** X{min,max} as plain rules: min copies, then a chain of optional ones (or a star). */
    private Sym repeat(Sym x, int min, int max) {
        List<Sym> seq = new ArrayList<>();
        for (int i = 0; i < min; i++) {
            seq.add(x);
        }
        if (max < 0) {
            int star = fresh(null);
            List<List<Sym>> body = new ArrayList<>();
            body.add(new ArrayList<>());
            body.add(new ArrayList<>(List.of(x, new Sym(star, null))));
            rules.set(star, body);
            seq.add(new Sym(star, null));
        } else {
            Sym tail = null;
            for (int i = min; i < max; i++) {
                List<List<Sym>> body = new ArrayList<>();
                body.add(new ArrayList<>());
                List<Sym> one = new ArrayList<>(List.of(x));
                if (tail != null) {
                    one.add(tail);
                }
                body.add(one);
                tail = new Sym(fresh(body), null);
            }
            if (tail != null) {
                seq.add(tail);
            }
        }
        List<List<Sym>> body = new ArrayList<>();
        body.add(seq);
        return new Sym(fresh(body), null);
    }

    private Sym atom() {
        char c = src.charAt(pos);
        if (c == '"') {
            pos++;
            List<Sym> seq = new ArrayList<>();
            while (src.charAt(pos) != '"') {
                int cp = character();
                seq.add(new Sym(-1, new int[] {cp, cp}));
            }
            pos++;
            List<List<Sym>> body = new ArrayList<>();
            body.add(seq);
            return new Sym(fresh(body), null);
        }
        if (c == '[') {
            return new Sym(-1, charClass());
        }
        if (c == '.') {
            pos++;
            return new Sym(-1, new int[] {0, 0xD7FF, 0xE000, 0x10FFFF});
        }
        if (c == '(') {
            pos++;
            List<List<Sym>> alts = alternatives();
            skip();
            expect(")");
            return new Sym(fresh(alts), null);
        }
        return new Sym(rule(name()), null);
    }

    private int[] charClass() {
        pos++;
        boolean negate = src.charAt(pos) == '^';
        if (negate) {
            pos++;
        }
        List<int[]> ranges = new ArrayList<>();
        while (src.charAt(pos) != ']') {
            int lo = character();
            int hi = lo;
            if (src.charAt(pos) == '-' && src.charAt(pos + 1) != ']') {
                pos++;
                hi = character();
            }
            ranges.add(new int[] {lo, hi});
        }
        pos++;
        if (!negate) {
            return flatten(ranges);
        }
        List<int[]> out = new ArrayList<>();
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        int next = 0;
        for (int[] r : ranges) {
            if (r[0] > next) {
                out.add(new int[] {next, r[0] - 1});
            }
            next = Math.max(next, r[1] + 1);
        }
        out.add(new int[] {next, 0x10FFFF});
        return flatten(out);
    }

    private static int[] flatten(List<int[]> ranges) {
        int[] out = new int[ranges.size() * 2];
        for (int i = 0; i < ranges.size(); i++) {
            out[2 * i] = ranges.get(i)[0];
            out[2 * i + 1] = ranges.get(i)[1];
        }
        return out;
    }

    private int character() {
        char c = src.charAt(pos++);
        if (c != '\\') {
            pos--;
            int cp = src.codePointAt(pos);
            pos += Character.charCount(cp);
            return cp;
        }
        char e = src.charAt(pos++);
        switch (e) {
            case 'n':
                return '\n';
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case 'x':
                pos += 2;
                return Integer.parseInt(src.substring(pos - 2, pos), 16);
            case 'u':
                pos += 4;
                return Integer.parseInt(src.substring(pos - 4, pos), 16);
            default:
                return e;
        }
    }

    private String name() {
        int start = pos;
        while (pos < src.length()
                && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '-' || src.charAt(pos) == '_')) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private boolean ruleStartsHere() {
        int p = pos;
        while (p < src.length()
                && (Character.isLetterOrDigit(src.charAt(p)) || src.charAt(p) == '-' || src.charAt(p) == '_')) {
            p++;
        }
        if (p == pos) {
            return false;
        }
        while (p < src.length() && src.charAt(p) == ' ') {
            p++;
        }
        return src.startsWith("::=", p);
    }

    private void skip() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private void expect(String s) {
        if (!src.startsWith(s, pos)) {
            throw new IllegalArgumentException("expected " + s + " at " + pos);
        }
        pos += s.length();
    }

    /** An Earley item: rule, alternative, dot position, origin. */
    private record Item(int rule, int alt, int dot, int origin) {}

    /** One Earley set: its items in order, for dedupe, and the items waiting on each nonterminal. */
    private static final class ItemSet {
        final List<Item> items = new ArrayList<>();
        final Set<Item> seen = new HashSet<>();
        final Map<Integer, List<Item>> waiting = new HashMap<>();
        final Set<Integer> completedEmpty = new HashSet<>();
    }

    public boolean accepts(String input) {
        int[] cps = input.codePoints().toArray();
        List<ItemSet> sets = new ArrayList<>();
        for (int i = 0; i <= cps.length; i++) {
            sets.add(new ItemSet());
        }
        for (int a = 0; a < rules.get(root).size(); a++) {
            add(sets.get(0), new Item(root, a, 0, 0));
        }
        for (int i = 0; i <= cps.length; i++) {
            ItemSet set = sets.get(i);
            for (int k = 0; k < set.items.size(); k++) {
                Item it = set.items.get(k);
                List<Sym> body = rules.get(it.rule()).get(it.alt());
                if (it.dot() == body.size()) {
                    if (it.origin() == i) {
                        set.completedEmpty.add(it.rule());
                    }
                    for (Item parent :
                            new ArrayList<>(sets.get(it.origin()).waiting.getOrDefault(it.rule(), List.of()))) {
                        add(set, new Item(parent.rule(), parent.alt(), parent.dot() + 1, parent.origin()));
                    }
                    continue;
                }
                Sym next = body.get(it.dot());
                if (next.terminal()) {
                    if (i < cps.length && next.matches(cps[i])) {
                        add(sets.get(i + 1), new Item(it.rule(), it.alt(), it.dot() + 1, it.origin()));
                    }
                } else {
                    for (int a = 0; a < rules.get(next.rule()).size(); a++) {
                        add(set, new Item(next.rule(), a, 0, i));
                    }
                    if (set.completedEmpty.contains(next.rule())) {
                        add(set, new Item(it.rule(), it.alt(), it.dot() + 1, it.origin()));
                    }
                }
            }
        }
        for (Item it : sets.get(cps.length).items) {
            if (it.rule() == root
                    && it.origin() == 0
                    && it.dot() == rules.get(root).get(it.alt()).size()) {
                return true;
            }
        }
        return false;
    }

    private void add(ItemSet set, Item item) {
        if (set.seen.add(item)) {
            set.items.add(item);
            List<Sym> body = rules.get(item.rule()).get(item.alt());
            if (item.dot() < body.size() && !body.get(item.dot()).terminal()) {
                set.waiting
                        .computeIfAbsent(body.get(item.dot()).rule(), x -> new ArrayList<>())
                        .add(item);
            }
        }
    }
}
