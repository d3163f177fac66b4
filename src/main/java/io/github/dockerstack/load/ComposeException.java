package io.github.dockerstack.load;

import io.github.dockerstack.error.StackException;
import io.github.dockerstack.load.yaml.Location;

/**
 * A compose project the loader cannot accept. The message names the file, line, the path in the
 * document ({@code services.db.ports[0]}) and what to change.
 */
public class ComposeException extends StackException {
    private final transient Location location;
    private final String path;
    private final String problem;

    public ComposeException(Location location, String path, String problem) {
        this(location, path, problem, null);
    }

    public ComposeException(Location location, String path, String problem, Throwable cause) {
        super(Kind.USER, format(location, path, problem), cause);
        this.location = location;
        this.path = path;
        this.problem = problem;
    }

    public ComposeException(String problem) {
        this(null, null, problem);
    }

    private static String format(Location location, String path, String problem) {
        StringBuilder sb = new StringBuilder();
        if (location != null) {
            sb.append(location).append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** Where the problem is, or null when it is not tied to a file. */
    public Location location() {
        return location;
    }

    /** The path in the compose document, or null. */
    public String path() {
        return path;
    }

    /** The problem and what to change, without location. */
    public String problem() {
        return problem;
    }
}
