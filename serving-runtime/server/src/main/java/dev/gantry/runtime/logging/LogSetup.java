package dev.gantry.runtime.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Routes all logging to standard error, one line per record, as text or JSON. */
public final class LogSetup {
    /** Loggers whose level is set here; JUL holds loggers weakly, so their settings need a strong reference. */
    private static final java.util.List<Logger> TUNED = new java.util.ArrayList<>();

    private LogSetup() {}

    public static void configure(String format, String deployment, String revision) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.ALL);
        console.setFormatter("json".equals(format) ? new JsonFormatter(deployment, revision) : new TextFormatter());
        root.addHandler(console);
        root.setLevel(Level.INFO);
        // Netty and DJL are chatty at INFO about things operators need not see; DJL warns about CUDA on CPU hosts.
        tune("io.netty", Level.WARNING);
        tune("ai.djl", Level.WARNING);
        tune("ai.djl.util.cuda.CudaUtils", Level.SEVERE);
    }

    private static synchronized void tune(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level);
        TUNED.add(logger);
    }

    static String level(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (level.intValue() >= Level.WARNING.intValue()) {
            return "WARN";
        }
        return level.intValue() >= Level.INFO.intValue() ? "INFO" : "DEBUG";
    }

    static String stackTrace(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static final class TextFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            String line = Instant.ofEpochMilli(record.getMillis()) + " "
                    + String.format("%-5s", level(record.getLevel())) + " [" + shortName(record.getLoggerName()) + "] "
                    + formatMessage(record) + System.lineSeparator();
            return record.getThrown() == null ? line : line + stackTrace(record.getThrown());
        }

        private static String shortName(String logger) {
            return logger == null ? "" : logger.substring(logger.lastIndexOf('.') + 1);
        }
    }

    private static final class JsonFormatter extends Formatter {
        private final String deployment;
        private final String revision;

        JsonFormatter(String deployment, String revision) {
            this.deployment = deployment;
            this.revision = revision;
        }

        @Override
        public String format(LogRecord record) {
            StringBuilder out = new StringBuilder("{");
            field(out, "time", Instant.ofEpochMilli(record.getMillis()).toString())
                    .append(',');
            field(out, "level", level(record.getLevel())).append(',');
            field(out, "logger", record.getLoggerName()).append(',');
            field(out, "message", formatMessage(record));
            if (deployment != null) {
                field(out.append(','), "deployment", deployment);
            }
            field(out.append(','), "revision", revision);
            if (record.getThrown() != null) {
                field(out.append(','), "exception", stackTrace(record.getThrown()));
            }
            return out.append('}').append(System.lineSeparator()).toString();
        }

        private static StringBuilder field(StringBuilder out, String name, String value) {
            out.append('"').append(name).append("\":\"");
            String text = value == null ? "" : value;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"');
        }
    }
}
