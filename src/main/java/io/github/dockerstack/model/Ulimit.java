package io.github.dockerstack.model;

/** A ulimit: either {@code single} (soft = hard) or {@code soft} and {@code hard}. */
public record Ulimit(Long single, Long soft, Long hard) {
    public long softValue() {
        return single != null ? single : soft;
    }

    public long hardValue() {
        return single != null ? single : hard;
    }
}
