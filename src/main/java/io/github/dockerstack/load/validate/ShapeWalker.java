package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.validate.Shape.Attributes;
import io.github.dockerstack.load.validate.Shape.Dictionary;
import io.github.dockerstack.load.validate.Shape.Kind;
import io.github.dockerstack.load.validate.Shape.OneOf;
import io.github.dockerstack.load.validate.Shape.Sequence;
import io.github.dockerstack.load.yaml.Paths;
import java.util.List;
import java.util.Map;

/**
 * Walks a tree alongside its {@link Shape}, in document order, reporting what does not fit. A
 * null value fits every shape (compose treats an empty attribute as unset), and a node of the
 * wrong kind is reported but not looked into.
 *
 * <p>Besides the real path ({@code services.web.ports[0].target}) the walk tracks the schema
 * path, where free names become {@code *} and list indexes {@code []}
 * ({@code services.*.ports[].target}), so rules can name attributes independently of names.
 */
final class ShapeWalker {
    /** What the walk found; a listener throws to stop at the first problem it cares about. */
    interface Listener {
        /** A known attribute with a non-null value. */
        default void attribute(String path, String schemaPath, Object value) {
        }

        default void unknownAttribute(String path, String key, Attributes owner) {
        }

        default void wrongKind(String path, Object value, Shape expected) {
        }
    }

    private ShapeWalker() {
    }

    static void walk(Map<String, Object> root, Listener listener) {
        walk(root, ComposeSchema.ROOT, "", "", listener);
    }

    static void walk(Object value, Shape shape, String path, String schemaPath, Listener listener) {
        Kind kind = Kind.of(value);
        if (kind == Kind.NULL) {
            return;
        }
        if (!shape.accepts(kind)) {
            listener.wrongKind(path, value, shape);
            return;
        }
        if (shape instanceof OneOf oneOf) {
            walk(value, oneOf.choose(kind), path, schemaPath, listener);
        } else if (shape instanceof Attributes attributes) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.startsWith("x-")) {
                    continue; // extensions are free-form
                }
                String childPath = Paths.key(path, key);
                Shape child = attributes.attributes().get(key);
                if (child == null) {
                    listener.unknownAttribute(childPath, key, attributes);
                } else {
                    String childSchemaPath = Paths.key(schemaPath, key);
                    if (e.getValue() != null) {
                        listener.attribute(childPath, childSchemaPath, e.getValue());
                    }
                    walk(e.getValue(), child, childPath, childSchemaPath, listener);
                }
            }
        } else if (shape instanceof Dictionary dictionary) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                walk(e.getValue(), dictionary.values(), Paths.key(path, String.valueOf(e.getKey())), Paths.key(schemaPath, "*"),
                        listener);
            }
        } else if (shape instanceof Sequence sequence) {
            List<?> items = (List<?>) value;
            for (int i = 0; i < items.size(); i++) {
                walk(items.get(i), sequence.items(), Paths.index(path, i), schemaPath + "[]", listener);
            }
        }
    }
}
