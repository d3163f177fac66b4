package io.github.dockerstack.engine;

/**
 * The labels Docker Compose v2 puts on what it creates. The plugin writes the same ones, so
 * {@code docker compose -p NAME ps/logs/down} works on stacks the plugin started and the other
 * way round; everything is found again by label, never from memory.
 */
public final class Labels {
    private Labels() {
    }

    public static final String PREFIX = "com.docker.compose.";

    /** project name: on containers, networks and volumes */
    public static final String PROJECT = PREFIX + "project";
    /** service name (containers) */
    public static final String SERVICE = PREFIX + "service";
    /** replica number, from 1 (containers) */
    public static final String CONTAINER_NUMBER = PREFIX + "container-number";
    /** "True" for {@code compose run} containers, else "False" */
    public static final String ONEOFF = PREFIX + "oneoff";
    /** hash of the service configuration: a different hash means "recreate" */
    public static final String CONFIG_HASH = PREFIX + "config-hash";
    /** absolute project directory */
    public static final String WORKING_DIR = PREFIX + "project.working_dir";
    /** compose files, absolute, comma-joined */
    public static final String CONFIG_FILES = PREFIX + "project.config_files";
    /** env files given explicitly (--env-file), comma-joined */
    public static final String ENVIRONMENT_FILE = PREFIX + "project.environment_file";
    /** dependencies as {@code service:condition:restart}, comma-joined */
    public static final String DEPENDS_ON = PREFIX + "depends_on";
    /** network key in the compose file (networks) */
    public static final String NETWORK = PREFIX + "network";
    /** volume key in the compose file (volumes) */
    public static final String VOLUME = PREFIX + "volume";
    /** version of the compose tool that created the resource */
    public static final String VERSION = PREFIX + "version";
    /** id of the image the container was created from */
    public static final String IMAGE = PREFIX + "image";
    /** set on a container created to replace another (recreate) */
    public static final String REPLACE = PREFIX + "replace";

    /** The plugin's own label: its version, on whatever it created (optional, for diagnostics). */
    public static final String DOCKER_STACK_VERSION = "io.github.dockerstack.version";

    /**
     * The value written to {@link #VERSION}. Docker Compose only prints it; we claim the Compose v2
     * release whose behaviour (labels, aliases, names) the plugin mirrors.
     */
    public static final String COMPOSE_VERSION = "2.29.7";

    /** Compose's spelling of booleans in labels. */
    public static final String TRUE = "True";
    public static final String FALSE = "False";
}
