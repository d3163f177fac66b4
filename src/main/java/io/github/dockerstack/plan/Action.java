package io.github.dockerstack.plan;

/** What an operation of a {@link Plan} does; the verb of its text. */
public enum Action {
    /** create what is missing */
    CREATE,
    /** leave as it is */
    KEEP,
    /** use a network or volume another project (or someone by hand) created */
    REUSE,
    /** use an external network or volume */
    USE,
    /** start an up-to-date container that is not running */
    START,
    /** replace a container whose configuration changed */
    RECREATE,
    /** stop and remove a container */
    REMOVE;

    String verb() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when the operation writes to the engine. */
    public boolean writes() {
        return this == CREATE || this == START || this == RECREATE || this == REMOVE;
    }
}
