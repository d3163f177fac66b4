package io.github.dockerstack.load.yaml;

import java.nio.file.Path;

/** A place in a source file; line and column are 1-based (0 when unknown). */
public record Location(Path file, int line, int column) {
    public static Location of(Path file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        String f = file == null ? "<input>" : file.toString();
        return line > 0 ? f + ":" + line + ":" + column : f;
    }
}
