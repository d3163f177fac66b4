package io.github.dockerstack.engine;

import java.time.Instant;

/**
 * Which part of a container's log to read, as {@code docker logs} flags select it.
 *
 * @param follow keep the stream open and deliver new lines until the container stops (or the stream is closed)
 * @param tail only the last this many lines of what is already there; null for all
 * @param since only lines written at or after this instant (the engine counts in whole seconds); null for all
 * @param timestamps the engine puts its RFC 3339 timestamp in front of each line
 */
public record LogOptions(boolean follow, Integer tail, Instant since, boolean timestamps) {
    public LogOptions {
        if (tail != null && tail < 0) {
            throw new IllegalArgumentException("tail must be 0 or more, or null for all lines: " + tail);
        }
    }

    /** The whole log as it is now, without timestamps. */
    public static LogOptions all() {
        return new LogOptions(false, null, null, false);
    }

    /** The same options with the engine's timestamps on or off. */
    public LogOptions withTimestamps(boolean on) {
        return new LogOptions(follow, tail, since, on);
    }
}
