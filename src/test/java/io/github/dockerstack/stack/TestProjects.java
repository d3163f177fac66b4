package io.github.dockerstack.stack;

import io.github.dockerstack.load.LoadRequest;
import io.github.dockerstack.load.ProjectLoader;
import io.github.dockerstack.model.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Compose projects for tests: YAML written to a directory, loaded as the plugin loads it. */
public final class TestProjects {
    private TestProjects() {
    }

    /** Writes {@code compose.yaml} into {@code dir}; returns the request for project {@code name}. */
    public static LoadRequest write(Path dir, String name, String yaml) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("compose.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return LoadRequest.of(dir).withProjectName(name);
    }

    public static Project load(Path dir, String name, String yaml) {
        return new ProjectLoader(w -> {
        }).load(write(dir, name, yaml));
    }
}
