package io.github.dockerstack.load.validate;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.yaml.YamlDocument;
import io.github.dockerstack.load.yaml.YamlReader;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a YAML text as the merged canonical tree and runs one check, or all of them, on it. */
final class Fixture {
    static final Path FILE = Path.of("compose.yaml");

    private Fixture() {
    }

    static YamlDocument read(String yaml) {
        return YamlReader.read(FILE, yaml).get(0);
    }

    static ComposeException fails(Check check, String yaml) {
        YamlDocument doc = read(yaml);
        return assertThrows(ComposeException.class, () -> check.check(new CheckContext(doc.root(), doc.sources())));
    }

    static void passes(Check check, String yaml) {
        YamlDocument doc = read(yaml);
        assertDoesNotThrow(() -> check.check(new CheckContext(doc.root(), doc.sources())));
    }

    static ComposeException failsValidation(String yaml) {
        YamlDocument doc = read(yaml);
        return assertThrows(ComposeException.class, () -> Validator.validate(doc.root(), doc.sources()));
    }

    static void passesValidation(String yaml) {
        YamlDocument doc = read(yaml);
        assertDoesNotThrow(() -> Validator.validate(doc.root(), doc.sources()));
    }

    /** The error is at {@code path}, on {@code line} of the file, and its problem contains every fragment. */
    static void assertProblem(ComposeException e, String path, int line, String... fragments) {
        assertAll(
                () -> assertEquals(path, e.path(), "path"),
                () -> assertEquals(FILE, e.location().file(), "file"),
                () -> assertEquals(line, e.location().line(), "line"),
                () -> assertTrue(Arrays.stream(fragments).allMatch(e.problem()::contains),
                        () -> "problem '" + e.problem() + "' should contain all of " + Arrays.toString(fragments)));
    }
}
