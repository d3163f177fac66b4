package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.validate.Shape.Attributes;

/** Attributes compose does not know, at any level; {@code x-*} keys are extensions and always allowed. */
final class UnknownAttributes implements Check {
    @Override
    public void check(CheckContext context) {
        ShapeWalker.walk(context.root(), new ShapeWalker.Listener() {
            @Override
            public void unknownAttribute(String path, String key, Attributes owner) {
                throw context.problem(path, message(key, owner));
            }
        });
    }

    static String message(String key, Attributes owner) {
        String problem = "'" + key + "' is not a known " + owner.what() + " attribute";
        String closest = Suggestions.closest(key, owner.attributes().keySet());
        if (closest != null) {
            return problem + "; did you mean '" + closest + "'?";
        }
        return problem + "; remove it, or rename it 'x-" + key + "' to keep it as an extension";
    }
}
