package io.github.dockerstack.model;

import java.time.Duration;
import java.util.List;

/**
 * A container healthcheck. A null field means "not set" (the image's or engine's default applies).
 *
 * @param test the test, as the engine takes it: ["CMD", ...], ["CMD-SHELL", "..."] or ["NONE"]
 * @param interval time between checks
 * @param timeout time a check may take
 * @param retries consecutive failures before unhealthy
 * @param startPeriod grace period after start
 * @param startInterval time between checks during the start period
 * @param disable the healthcheck (and the image's) is disabled
 */
public record Healthcheck(List<String> test, Duration interval, Duration timeout, Integer retries, Duration startPeriod,
                          Duration startInterval, boolean disable) {
    public Healthcheck {
        test = Lists.copyOrNull(test);
    }
}
