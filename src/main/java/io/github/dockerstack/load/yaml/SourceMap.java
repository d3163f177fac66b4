package io.github.dockerstack.load.yaml;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of an untyped compose tree came from, keyed by its path
 * ({@code services.db.ports[0]}). Paths that stages create (short syntax expanded, merged keys) are
 * located through their nearest recorded ancestor, so every error can name a file and a line.
 */
public final class SourceMap {
    private final Map<String, Location> locations = new HashMap<>();
    private final Path defaultFile;

    public SourceMap(Path defaultFile) {
        this.defaultFile = defaultFile;
    }

    public void put(String path, Location location) {
        locations.put(path, location);
    }

    /** Records locations of another map (a later file's win, as in merging). */
    public void putAll(SourceMap other) {
        locations.putAll(other.locations);
    }

    /** The location of {@code path} or its nearest recorded ancestor; never null. */
    public Location locate(String path) {
        String p = path == null ? "" : path;
        while (true) {
            Location l = locations.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return Location.of(defaultFile);
            }
            p = Paths.parent(p);
        }
    }

    public Path defaultFile() {
        return defaultFile;
    }
}
