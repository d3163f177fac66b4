package io.github.dockerstack.readiness;

import java.time.Duration;

/**
 * A point in time on a {@link WaitClock}, with the duration it was set from (for messages).
 *
 * @param atNanos clock reading at which it expires
 * @param total the duration it was set from
 */
public record Deadline(long atNanos, Duration total) {
    public static Deadline after(WaitClock clock, Duration total) {
        return new Deadline(clock.nanoTime() + total.toNanos(), total);
    }

    public long remainingNanos(WaitClock clock) {
        return atNanos - clock.nanoTime();
    }

    /** "120 s", "1.5 s", "2 min" style, for messages. */
    public String describe() {
        return describe(total);
    }

    static String describe(Duration d) {
        long millis = d.toMillis();
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
