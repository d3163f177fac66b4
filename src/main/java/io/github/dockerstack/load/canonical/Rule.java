package io.github.dockerstack.load.canonical;

/** One canonical rule: turns the (non-null, untagged) value at a matched path into its long form. */
@FunctionalInterface
interface Rule {
    /** A new value, or {@code value} itself when it is already canonical; never mutates its input. */
    Object apply(Object value, At at);
}
