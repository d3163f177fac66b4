package io.github.dockerstack.load.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected form of a node of the compose tree, as far as validation needs it: which container
 * (mapping, list, single value) and, for mappings with fixed attributes, which keys exist.
 * {@link #expected()} names the form in error messages.
 */
sealed interface Shape {
    String expected();

    /** Whether a value of this kind can match, before looking inside. */
    boolean accepts(Kind kind);

    /** The container kind of a tree value. */
    enum Kind {
        MAPPING, LIST, SCALAR, NULL;

        static Kind of(Object value) {
            if (value == null) {
                return NULL;
            }
            if (value instanceof Map) {
                return MAPPING;
            }
            return value instanceof List ? LIST : SCALAR;
        }
    }

    /** A string, number or boolean. */
    record Scalar(String expected) implements Shape {
        @Override
        public boolean accepts(Kind kind) {
            return kind == Kind.SCALAR;
        }
    }

    /** Anything; not looked into. */
    record Anything() implements Shape {
        @Override
        public String expected() {
            return "any value";
        }

        @Override
        public boolean accepts(Kind kind) {
            return true;
        }
    }

    /** A mapping with a fixed set of attributes (plus {@code x-*} extensions); {@code what} names it in messages. */
    record Attributes(String what, Map<String, Shape> attributes) implements Shape {
        @Override
        public String expected() {
            return "a mapping";
        }

        @Override
        public boolean accepts(Kind kind) {
            return kind == Kind.MAPPING;
        }

        static Builder of(String what) {
            return new Builder(what);
        }

        static final class Builder {
            private final String what;
            private final Map<String, Shape> attributes = new LinkedHashMap<>();

            private Builder(String what) {
                this.what = what;
            }

            Builder with(Shape shape, String... names) {
                for (String name : names) {
                    if (attributes.put(name, shape) != null) {
                        throw new IllegalStateException("attribute '" + name + "' declared twice in " + what);
                    }
                }
                return this;
            }

            Attributes build() {
                return new Attributes(what, Collections.unmodifiableMap(attributes));
            }
        }
    }

    /** A mapping with free keys (names, variables) whose values all have one shape. */
    record Dictionary(String expected, Shape values) implements Shape {
        @Override
        public boolean accepts(Kind kind) {
            return kind == Kind.MAPPING;
        }
    }

    /** A list whose items all have one shape. */
    record Sequence(String expected, Shape items) implements Shape {
        @Override
        public boolean accepts(Kind kind) {
            return kind == Kind.LIST;
        }
    }

    /** One of several shapes, told apart by their container kind (the first that accepts it wins). */
    record OneOf(String expected, List<Shape> alternatives) implements Shape {
        @Override
        public boolean accepts(Kind kind) {
            return alternatives.stream().anyMatch(a -> a.accepts(kind));
        }

        Shape choose(Kind kind) {
            return alternatives.stream().filter(a -> a.accepts(kind)).findFirst().orElse(null);
        }
    }
}
