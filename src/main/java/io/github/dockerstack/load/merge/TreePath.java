package io.github.dockerstack.load.merge;

import io.github.dockerstack.load.canonical.PathPattern;
import io.github.dockerstack.load.yaml.Paths;
import java.util.List;

/** A node's path twice: as segments for pattern matching and as text ({@code services.web.ports[1]}) for errors. */
record TreePath(List<String> segments, String text) {
    static final TreePath ROOT = new TreePath(List.of(), "");

    static TreePath of(String... keys) {
        TreePath path = ROOT;
        for (String key : keys) {
            path = path.key(key);
        }
        return path;
    }

    TreePath key(String key) {
        return new TreePath(PathPattern.append(segments, key), Paths.key(text, key));
    }

    TreePath index(int index) {
        return new TreePath(PathPattern.append(segments, PathPattern.ITEM), Paths.index(text, index));
    }

    boolean matches(PathPattern pattern) {
        return pattern.matches(segments);
    }
}
