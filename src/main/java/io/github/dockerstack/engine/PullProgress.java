package io.github.dockerstack.engine;

/**
 * One progress message of a pull, as the engine sends it.
 *
 * @param id layer id, or the tag for overall messages; may be null
 * @param status "Pulling fs layer", "Downloading", "Pull complete", "Digest: sha256:...", ...
 * @param progress the engine's progress bar text, or null
 * @param current bytes done, or null
 * @param total bytes in all, or null
 */
public record PullProgress(String id, String status, String progress, Long current, Long total) {
    /** "id: status progress", as the Docker CLI prints a line. */
    public String line() {
        StringBuilder sb = new StringBuilder();
        if (id != null && !id.isEmpty()) {
            sb.append(id).append(": ");
        }
        sb.append(status == null ? "" : status);
        if (progress != null && !progress.isEmpty()) {
            sb.append(' ').append(progress);
        }
        return sb.toString();
    }
}
