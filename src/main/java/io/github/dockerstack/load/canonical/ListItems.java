package io.github.dockerstack.load.canonical;

import io.github.dockerstack.load.yaml.Tagged;
import java.util.List;

/**
 * Visits the items of a list a rule reshapes into a mapping. A {@code !reset} item is dropped (compose
 * drops it from this file; earlier files keep theirs) and an {@code !override} item counts as plain.
 */
final class ListItems {
    interface Visitor {
        void visit(Object item, At at);
    }

    private ListItems() {
    }

    static void forEach(List<?> list, At at, Visitor visitor) {
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof Tagged t) {
                if (t.tag() == Tagged.Tag.RESET) {
                    continue;
                }
                item = t.value();
            }
            visitor.visit(item, at.index(i));
        }
    }
}
