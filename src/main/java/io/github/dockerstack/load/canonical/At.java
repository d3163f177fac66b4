package io.github.dockerstack.load.canonical;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.yaml.Location;
import io.github.dockerstack.load.yaml.Paths;
import io.github.dockerstack.load.yaml.SourceMap;

/** Where a rule is working: the node's path and the file's source map, for errors and relocations. */
final class At {
    private final String path;
    private final SourceMap sources;

    At(String path, SourceMap sources) {
        this.path = path;
        this.sources = sources;
    }

    String path() {
        return path;
    }

    At key(String key) {
        return new At(Paths.key(path, key), sources);
    }

    At index(int index) {
        return new At(Paths.index(path, index), sources);
    }

    Location location() {
        return sources.locate(path);
    }

    /** Records that {@code target} (a node this stage created) comes from where this node is. */
    void locateAs(At target) {
        target.record(location());
    }

    void record(Location location) {
        sources.put(path, location);
    }

    ComposeException error(String problem) {
        return new ComposeException(location(), path, problem);
    }
}
