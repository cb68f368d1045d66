package dev.gantry.runtime.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Raw settings from environment variables and command-line flags; a flag wins over its variable.
 * {@code GANTRY_MAX_BATCH_SIZE} pairs with {@code --max-batch-size}. Typed getters name the setting in
 * their errors.
 */
public final class Settings {
    private final Map<String, String> env;
    private final Map<String, String> flags;

    private Settings(Map<String, String> env, Map<String, String> flags) {
        this.env = env;
        this.flags = flags;
    }

    /** Parses {@code --name=value} and {@code --name value} flags. */
    public static Settings from(Map<String, String> env, List<String> args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ConfigException("unexpected argument '" + arg + "' (flags look like --max-batch-size=8)");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                flags.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                flags.put(arg.substring(2), args.get(++i));
            } else {
                throw new ConfigException("flag " + arg + " needs a value");
            }
        }
        return new Settings(env, flags);
    }

    /** Flags that no setting read; reported as an error so that typos do not pass silently. */
    public List<String> unknownFlags(List<String> known) {
        return flags.keySet().stream().filter(f -> !known.contains(f)).toList();
    }

    static String flagOf(String variable) {
        return variable.replaceFirst("^GANTRY_", "").toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Optional<String> string(String variable) {
        String flag = flags.get(flagOf(variable));
        String value = flag != null ? flag : env.get(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Environment only: secrets never come from flags, which other processes can read. */
    public Optional<String> secret(String variable) {
        String value = env.get(variable);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public String string(String variable, String fallback) {
        return string(variable).orElse(fallback);
    }

    public int integer(String variable, int fallback, int min, int max) {
        Optional<String> value = string(variable);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new ConfigException(
                        describe(variable) + " must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(describe(variable) + " must be an integer, got '" + value.get() + "'");
        }
    }

    public double decimal(String variable, double fallback, double min, double max) {
        Optional<String> value = string(variable);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.get());
            if (!(parsed >= min && parsed <= max)) {
                throw new ConfigException(
                        describe(variable) + " must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(describe(variable) + " must be a number, got '" + value.get() + "'");
        }
    }

    public Duration duration(String variable, Duration fallback) {
        Optional<String> value = string(variable);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return GoDuration.parse(value.get());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(describe(variable) + ": " + e.getMessage());
        }
    }

    static String describe(String variable) {
        return variable + " (--" + flagOf(variable) + ")";
    }
}
