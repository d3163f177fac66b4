package io.github.dockerstack.load.validate;

/** A list where a mapping is expected, a mapping where a single value is expected, and so on. */
final class ContainerTypes implements Check {
    @Override
    public void check(CheckContext context) {
        ShapeWalker.walk(context.root(), new ShapeWalker.Listener() {
            @Override
            public void wrongKind(String path, Object value, Shape expected) {
                throw context.problem(path, "must be " + expected.expected() + ", not " + CheckContext.describe(value)
                        + "; rewrite it in that form");
            }
        });
    }
}
