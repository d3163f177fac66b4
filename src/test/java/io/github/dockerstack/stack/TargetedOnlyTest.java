package io.github.dockerstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.load.ProjectLoader;
import io.github.dockerstack.model.Project;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build and pull act on the named services alone, as docker compose build/pull SERVICE do. */
class TargetedOnlyTest {
    @TempDir
    Path dir;

    @Test
    void theDependenciesOfANamedServiceAreLeftOut() {
        Project loaded = new ProjectLoader(w -> { }).load(TestProjects.write(dir, "targeted", """
                services:
                  frontend:
                    build: .
                    depends_on: [backend]
                  backend:
                    build: .
                  db:
                    image: postgres
                """).withServices(List.of("frontend")));
        assertEquals(Set.of("frontend", "backend"), loaded.services().keySet(), "the loader keeps the dependencies, for up");
        Project only = loaded.onlyServices(List.of("frontend"));
        assertEquals(Set.of("frontend"), only.services().keySet());
        assertTrue(only.disabledServices().containsKey("backend"));
        assertEquals(loaded, loaded.onlyServices(List.of()), "no services named: all of them");
    }
}
