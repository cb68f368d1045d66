package dev.gantry.constraints.json;

import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.DfaBuilder;
import dev.gantry.constraints.automaton.Dfas;
import dev.gantry.constraints.regex.RegexParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code format} values that are enforced, as exact languages of string contents: RFC 3339
 * date-time, date, time, duration; email, hostname, ipv4, ipv6, uuid, uri. Built once per process.
 * Deliberate narrowings, documented in docs/constraints.md: second fractions have at most 9 digits,
 * host names have no A-labels ({@code xn--}), which cannot be validated without Punycode decoding;
 * date-time offsets stay within +-18:00 without leap seconds; e-mail domains end in a well-known
 * top-level domain.
 */
public final class Formats {
    public static final Set<String> SUPPORTED = Set.of(
            "date-time",
            "date",
            "time",
            "duration",
            "email",
            "hostname",
            "ipv4",
            "ipv6",
            "uuid",
            "uri",
            "uri-reference",
            "iri",
            "iri-reference",
            "uri-template",
            "json-pointer",
            "relative-json-pointer");

    private static final Map<String, Dfa> CACHE = new ConcurrentHashMap<>();
    private static final Map<Dfa, Dfa> LITERALS = new ConcurrentHashMap<>();

    private static final String D2 = "[0-9]{2}";
    private static final String HEX = "[0-9a-fA-F]";
    private static final String DEC_OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    static final String IPV4 = DEC_OCTET + "(\\." + DEC_OCTET + "){3}";
    private static final String FRACTION = "(\\.[0-9]{1,9})?";

    private Formats() {}

    /** A length limit in characters that comes with the format (enforced as maxLength), or -1. */
    public static int maxLength(String format) {
        return format.equals("hostname") ? 253 : -1;
    }

    /** The content language of {@code format}, or null when the format is not supported. */
    public static Dfa content(String format) {
        if (!SUPPORTED.contains(format)) {
            return null;
        }
        return CACHE.computeIfAbsent(format, Formats::build);
    }

    /** The JSON literal language of a format's content automaton (cached for the built-in formats). */
    public static Dfa literalOf(Dfa content, CompileBudget budget) {
        if (!CACHE.containsValue(content)) {
            return JsonStrings.literal(content, budget);
        }
        return LITERALS.computeIfAbsent(content, c -> JsonStrings.literal(c, CompileBudget.UNLIMITED));
    }

    private static Dfa build(String format) {
        CompileBudget budget = CompileBudget.UNLIMITED;
        return switch (format) {
            case "date" -> regex(date());
            case "time" -> regex(time());
            case "date-time" -> regex("(" + date() + "[Tt]" + dateTimeTime() + "|" + leapSecondDateTime() + ")");
            case "duration" -> regex(duration());
            case "email" -> email(budget);
            case "hostname" -> regex(hostnameLabels());
            case "ipv4" -> regex(IPV4);
            case "ipv6" -> regex(ipv6());
            case "uuid" -> regex(HEX + "{8}-" + HEX + "{4}-" + HEX + "{4}-" + HEX + "{4}-" + HEX + "{12}");
            case "uri" -> regex(uri(false));
            case "uri-reference" -> regex("(" + uri(false) + "|" + relativeRef(false) + ")");
            case "iri" -> regex(uri(true));
            case "iri-reference" -> regex("(" + uri(true) + "|" + relativeRef(true) + ")");
            case "uri-template" -> regex(uriTemplate());
            case "json-pointer" -> regex(JSON_POINTER);
            case "relative-json-pointer" -> regex("(0|[1-9][0-9]*)(#|" + JSON_POINTER + ")");
            default -> throw new IllegalArgumentException(format);
        };
    }

    private static Dfa regex(String r) {
        return Dfas.of(RegexParser.parseFullMatch(r), CompileBudget.UNLIMITED);
    }

    static String date() {
        String year = "[0-9]{4}";
        String leapYear = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)";
        String longMonths = "(0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])";
        String shortMonths = "(0[469]|11)-(0[1-9]|[12][0-9]|30)";
        String february = "02-(0[1-9]|1[0-9]|2[0-8])";
        return "(" + year + "-(" + longMonths + "|" + shortMonths + "|" + february + ")|" + leapYear + "-02-29)";
    }

    /**
     * RFC 3339 full-time; a leap second (:60) only where the time is 23:59 in UTC, and (a narrowing)
     * only with offsets in whole quarter hours, which keeps the automaton small.
     */
    static String time() {
        String hour = "([01][0-9]|2[0-3])";
        String minute = "[0-5][0-9]";
        String offset = "([Zz]|[+-]" + hour + ":" + minute + ")";
        List<String> alts = new ArrayList<>();
        alts.add(hour + ":" + minute + ":" + minute + FRACTION + offset);
        alts.add("23:59:60" + FRACTION + "[Zz]");
        for (int sign = -1; sign <= 1; sign += 2) {
            for (int oh = 0; oh < 24; oh++) {
                for (int om = 0; om < 60; om += 15) {
                    int local = ((23 * 60 + 59 + sign * (oh * 60 + om)) % 1440 + 1440) % 1440;
                    alts.add(String.format(
                            "%02d:%02d:60%s\\%s%02d:%02d",
                            local / 60, local % 60, FRACTION, sign < 0 ? "-" : "+", oh, om));
                }
            }
        }
        return "(" + String.join("|", alts) + ")";
    }

    /**
     * The time part of a date-time, narrowed for interoperability with java.time (and validators built
     * on it): offsets within +-18:00; leap seconds only as {@link #leapSecondDateTime()}.
     */
    static String dateTimeTime() {
        String hour = "([01][0-9]|2[0-3])";
        String minute = "[0-5][0-9]";
        String offset = "([Zz]|[+-](0[0-9]|1[0-7]):" + minute + "|[+-]18:00)";
        return hour + ":" + minute + ":" + minute + FRACTION + offset;
    }

    /** The 27 leap seconds inserted so far (IERS), each 23:59:60 UTC on one of these dates. */
    static final List<String> LEAP_SECOND_DATES = List.of(
            "1972-06-30",
            "1972-12-31",
            "1973-12-31",
            "1974-12-31",
            "1975-12-31",
            "1976-12-31",
            "1977-12-31",
            "1978-12-31",
            "1979-12-31",
            "1981-06-30",
            "1982-06-30",
            "1983-06-30",
            "1985-06-30",
            "1987-12-31",
            "1989-12-31",
            "1990-12-31",
            "1992-06-30",
            "1993-06-30",
            "1994-06-30",
            "1995-12-31",
            "1997-06-30",
            "1998-12-31",
            "2005-12-31",
            "2008-12-31",
            "2012-06-30",
            "2015-06-30",
            "2016-12-31");

    /** A leap second in a date-time: only the real ones, written in UTC. */
    static String leapSecondDateTime() {
        return "(" + String.join("|", LEAP_SECOND_DATES) + ")[Tt]23:59:60" + FRACTION + "([Zz]|[+-]00:00)";
    }

    static String duration() {
        String n = "[0-9]+";
        String second = n + "S";
        String minute = n + "M(" + second + ")?";
        String hour = n + "H(" + minute + ")?";
        String timePart = "T(" + hour + "|" + minute + "|" + second + ")";
        String day = n + "D";
        String month = n + "M(" + day + ")?";
        String year = n + "Y(" + month + ")?";
        String datePart = "(" + day + "|" + month + "|" + year + ")(" + timePart + ")?";
        return "P(" + datePart + "|" + timePart + "|" + n + "W)";
    }

    /** A label: letters, digits, inner hyphens, at most 63, never "--" in positions 3-4. */
    static String label() {
        String alnum = "[A-Za-z0-9]";
        String inner = "[A-Za-z0-9-]";
        // up to 2 chars, or: 2 chars, then not "--" at 3-4, then the rest
        return "(" + alnum + "(" + inner + "?" + alnum + ")?" + "|" + alnum + inner + "(" + alnum + inner + "{0,59}"
                + alnum + "|-" + alnum + "(" + inner + "{0,58}" + alnum + ")?|" + alnum + "))";
    }

    static String hostnameLabels() {
        return label() + "(\\." + label() + ")*";
    }

    /** Top-level domains of generated e-mail addresses (validators commonly check against the IANA list). */
    static final List<String> EMAIL_TLDS = List.of(
            "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "ai", "dev", "app", "co", "me", "tv",
            "us", "uk", "de", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "pt", "ie", "ca",
            "au", "nz", "jp", "cn", "kr", "in", "br", "mx", "ar", "ru", "za", "sg", "hk", "tw", "il", "tr", "gr", "cz",
            "hu", "ro", "eu", "xyz", "online", "site", "tech", "cloud");

    /**
     * RFC 5321 mailbox: a dot-atom or quoted local part of at most 64 characters, then an IP literal or
     * a host name. Narrowed (docs/constraints.md) so that common validators agree: the host name has
     * at most three labels before a well-known top-level domain (so it stays under 253 characters).
     */
    static Dfa email(CompileBudget budget) {
        String atext = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
        String dotAtom = atext + "+(\\." + atext + "+)*";
        String quoted = "\"([\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]|\\\\[\\x20-\\x7E])*\"";
        Dfa local = DfaBuilder.withLength(regex("(" + dotAtom + "|" + quoted + ")"), 1, 64, budget);
        List<String> tlds = new ArrayList<>();
        for (String t : EMAIL_TLDS) {
            StringBuilder sb = new StringBuilder();
            for (char c : t.toCharArray()) {
                sb.append('[').append(c).append(Character.toUpperCase(c)).append(']');
            }
            tlds.add(sb.toString());
        }
        String host = "(" + label() + "\\.){1,3}(" + String.join("|", tlds) + ")";
        Dfa domain = regex("(" + host + "|\\[" + IPV4 + "\\]|\\[IPv6:" + ipv6() + "\\])");
        return Dfas.of(
                dev.gantry.constraints.automaton.Expr.seq(
                        dev.gantry.constraints.automaton.Expr.embed(local),
                        dev.gantry.constraints.automaton.Expr.literal("@"),
                        dev.gantry.constraints.automaton.Expr.embed(domain)),
                budget);
    }

    /** RFC 4291 text forms: 8 groups, or fewer around one "::", the last two may be an IPv4 address. */
    static String ipv6() {
        String h16 = HEX + "{1,4}";
        List<String> alts = new ArrayList<>();
        alts.add(h16 + "(:" + h16 + "){7}");
        alts.add("(" + h16 + ":){6}" + IPV4);
        for (int left = 0; left <= 7; left++) {
            for (int right = 0; left + right <= 7; right++) {
                String l = left == 0 ? "" : h16 + "(:" + h16 + "){" + (left - 1) + "}";
                String r = right == 0 ? "" : "(" + h16 + ":){" + (right - 1) + "}" + h16;
                alts.add(l + "::" + r);
                if (right >= 2 && left + right <= 6 + 1) {
                    String r4 = "(" + h16 + ":){" + (right - 2) + "}" + IPV4;
                    if (left + right <= 7) {
                        alts.add(l + "::" + r4);
                    }
                }
            }
        }
        return "(" + String.join("|", alts) + ")";
    }

    /** RFC 6901: a sequence of "/" and reference tokens, "~" escaped as ~0 and "/" as ~1. */
    static final String JSON_POINTER = "(/([^/~]|~[01])*)*";

    /** RFC 3987 ucschar (and iprivate in queries), the characters an IRI adds to a URI. */
    private static final String UCSCHAR = "\\u{A0}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFEF}\\u{10000}-\\u{1FFFD}"
            + "\\u{20000}-\\u{2FFFD}\\u{30000}-\\u{3FFFD}\\u{40000}-\\u{4FFFD}\\u{50000}-\\u{5FFFD}\\u{60000}-\\u{6FFFD}"
            + "\\u{70000}-\\u{7FFFD}\\u{80000}-\\u{8FFFD}\\u{90000}-\\u{9FFFD}\\u{A0000}-\\u{AFFFD}\\u{B0000}-\\u{BFFFD}"
            + "\\u{C0000}-\\u{CFFFD}\\u{D0000}-\\u{DFFFD}\\u{E1000}-\\u{EFFFD}";

    private static final String IPRIVATE = "\\u{E000}-\\u{F8FF}\\u{F0000}-\\u{FFFFD}\\u{100000}-\\u{10FFFD}";

    /** Building blocks of RFC 3986 (or RFC 3987 when {@code iri}). */
    private record UriParts(String pchar, String authority, String segment, String query) {}

    private static UriParts parts(boolean iri) {
        String unreserved = "A-Za-z0-9\\-._~" + (iri ? UCSCHAR : "");
        String subDelims = "!$&'()*+,;=";
        String pct = "%" + HEX + HEX;
        String pchar = "([" + unreserved + subDelims + ":@]|" + pct + ")";
        String userinfo = "([" + unreserved + subDelims + ":]|" + pct + ")*";
        String ipFuture = "[vV]" + HEX + "+\\.[" + "A-Za-z0-9\\-._~" + subDelims + ":]+";
        String ipLiteral = "\\[(" + ipv6() + "|" + ipFuture + ")\\]";
        String regName = "([" + unreserved + subDelims + "]|" + pct + ")*";
        String host = "(" + ipLiteral + "|" + IPV4 + "|" + regName + ")";
        String authority = "(" + userinfo + "@)?" + host + "(:[0-9]*)?";
        String query = "([" + unreserved + subDelims + ":@/?" + (iri ? IPRIVATE : "") + "]|" + pct + ")*";
        return new UriParts(pchar, authority, pchar + "*", query);
    }

    /** RFC 3986 relative-ref (RFC 3987 irelative-ref when {@code iri}). */
    static String relativeRef(boolean iri) {
        UriParts p = parts(iri);
        String segmentNzNc = "(" + p.pchar().replace(":@]", "@]") + ")+";
        String pathAbempty = "(/" + p.segment() + ")*";
        String pathAbsolute = "/(" + p.pchar() + "+(/" + p.segment() + ")*)?";
        String pathNoScheme = segmentNzNc + "(/" + p.segment() + ")*";
        String relativePart = "(//" + p.authority() + pathAbempty + "|" + pathAbsolute + "|" + pathNoScheme + "|)";
        String fragment = p.query().replace(IPRIVATE, "");
        return relativePart + "(\\?" + p.query() + ")?(#" + fragment + ")?";
    }

    /** RFC 6570 URI Template (level 4), with the erratum that allows an apostrophe in literals. */
    static String uriTemplate() {
        String pct = "%" + HEX + HEX;
        String literal = "([\\x21\\x23\\x24\\x26-\\x3B\\x3D\\x3F-\\x5B\\x5D\\x5F\\x61-\\x7A\\x7E" + UCSCHAR + IPRIVATE
                + "]|" + pct + ")";
        String varchar = "([A-Za-z0-9_]|" + pct + ")";
        String varname = varchar + "(\\.?" + varchar + ")*";
        String varspec = varname + "(:[1-9][0-9]{0,3}|\\*)?";
        String expression = "\\{[+#./;?&=,!@|]?" + varspec + "(," + varspec + ")*\\}";
        return "(" + literal + "|" + expression + ")*";
    }

    /** RFC 3986 URI (RFC 3987 IRI when {@code iri}): the scheme is required. */
    static String uri(boolean iri) {
        UriParts p = parts(iri);
        String scheme = "[A-Za-z][A-Za-z0-9+\\-.]*";
        String pathAbempty = "(/" + p.segment() + ")*";
        String pathAbsolute = "/(" + p.pchar() + "+(/" + p.segment() + ")*)?";
        String pathRootless = p.pchar() + "+(/" + p.segment() + ")*";
        String hierPart = "(//" + p.authority() + pathAbempty + "|" + pathAbsolute + "|" + pathRootless + "|)";
        String fragment = p.query().replace(IPRIVATE, "");
        return scheme + ":" + hierPart + "(\\?" + p.query() + ")?(#" + fragment + ")?";
    }
}
