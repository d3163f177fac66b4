package io.github.dockerstack.exec;

import io.github.dockerstack.readiness.WaitClock;
import java.util.Locale;

/** Elapsed times as Compose prints them: "0.4s". */
final class Elapsed {
    private final WaitClock clock;
    private final long start;

    private Elapsed(WaitClock clock) {
        this.clock = clock;
        this.start = clock.nanoTime();
    }

    static Elapsed start(WaitClock clock) {
        return new Elapsed(clock);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1fs", (clock.nanoTime() - start) / 1e9);
    }
}
