package io.github.dockerstack.engine;

import java.util.Map;

/**
 * One event of the engine's event stream.
 *
 * @param type "container", "network", ...
 * @param action "create", "start", "die", "health_status: healthy", ...
 * @param id id of the object (the container id for container events)
 * @param attributes the actor's attributes: for containers its labels, "name", "image" and, on
 *                   "die", "exitCode"
 * @param timeNanos when it happened, nanoseconds since the epoch
 */
public record EngineEvent(String type, String action, String id, Map<String, String> attributes, long timeNanos) {
    private static final String HEALTH = "health_status:";

    public EngineEvent {
        attributes = Copies.map(attributes);
    }

    /** The container name, without the leading slash, or null. */
    public String name() {
        return attributes.get("name");
    }

    /** The exit code of a "die" event, or null. */
    public Integer exitCode() {
        String code = attributes.get("exitCode");
        try {
            return code == null ? null : Integer.valueOf(code.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "healthy", "unhealthy" or "starting" for a health_status event, else null. */
    public String healthStatus() {
        return action != null && action.startsWith(HEALTH) ? action.substring(HEALTH.length()).trim() : null;
    }

    /** The action without its detail: "health_status: healthy" and "exec_start: sh" become "health_status" and "exec_start". */
    public String baseAction() {
        if (action == null) {
            return null;
        }
        int colon = action.indexOf(':');
        return colon < 0 ? action : action.substring(0, colon);
    }
}
