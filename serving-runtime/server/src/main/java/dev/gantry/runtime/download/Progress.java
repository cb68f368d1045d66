package dev.gantry.runtime.download;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a transfer's progress every few seconds and once at the end. */
final class Progress {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    private final String label;
    private final long total;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private final long initial;
    private long done;
    private long lastLog = System.nanoTime();

    Progress(String label, long initial, long total, long intervalNanos) {
        this.label = label;
        this.initial = initial;
        this.done = initial;
        this.total = total;
        this.intervalNanos = intervalNanos;
    }

    void advance(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (now - lastLog >= intervalNanos) {
            lastLog = now;
            log("downloading");
        }
    }

    void done() {
        log("downloaded");
    }

    private void log(String verb) {
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        String rate = bytes((long) ((done - initial) / seconds)) + "/s";
        if (total > 0) {
            LOG.info("{}: {} {} of {} ({}%), {}", label, verb, bytes(done), bytes(total), done * 100 / total, rate);
        } else {
            LOG.info("{}: {} {}, {}", label, verb, bytes(done), rate);
        }
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format("%.1f %s", value, units[unit]);
    }
}
