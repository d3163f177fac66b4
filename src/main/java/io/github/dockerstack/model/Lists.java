package io.github.dockerstack.model;

import java.util.List;

/** Immutable list copies; null becomes empty. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Keeps null (meaning "not set", as for command and entrypoint) apart from an empty list. */
    static <T> List<T> copyOrNull(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }
}
