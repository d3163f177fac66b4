package io.github.dockerstack.plan;

/** One step of a {@link Plan}, with its cause; prints as {@code <verb> <kind> <name> (<cause>)}. */
public sealed interface Operation permits NetworkOperation, VolumeOperation, ContainerOperation {
    Action action();

    /** "network", "volume" or "container". */
    String kind();

    /** The engine-side name. */
    String name();

    /** Why: "missing", "config hash changed", ... */
    String cause();

    default String text() {
        return action().verb() + " " + kind() + " " + name() + " (" + cause() + ")";
    }
}
