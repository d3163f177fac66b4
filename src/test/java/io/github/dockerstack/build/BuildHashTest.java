package io.github.dockerstack.build;

import static io.github.dockerstack.build.ContextFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build hash: stable for the same inputs, different when anything that shapes the image changes. */
class BuildHashTest {
    private static final Map<String, String> ARGS = Map.of("VERSION", "1");
    private static final Map<String, String> LABELS = Map.of("team", "a");
    private static final Map<String, String> BASES = Map.of("busybox:latest", "sha256:aaa");

    @TempDir
    Path dir;

    @BeforeEach
    void context() throws IOException {
        write(dir, "Dockerfile", "FROM busybox:latest\nCOPY . /app\n", ".dockerignore", "*.log\n", "src/a.txt", "a", "debug.log", "x");
    }

    private String hash() {
        return hash(ARGS, "final", LABELS, null, BASES);
    }

    private String hash(Map<String, String> args, String target, Map<String, String> labels, String platform, Map<String, String> bases) {
        return BuildHash.of(BuildContext.scan(dir, null, null), args, target, labels, platform, bases);
    }

    @Test
    void isAShaOfTheInputs() {
        assertTrue(hash().matches("sha256:[0-9a-f]{64}"), hash());
    }

    @Test
    void isStable() {
        assertEquals(hash(), hash());
    }

    @Test
    void changesWhenAFileChanges() throws IOException {
        String before = hash();
        Files.writeString(dir.resolve("src/a.txt"), "b");
        assertNotEquals(before, hash());
    }

    @Test
    void changesWhenAFileIsAdded() throws IOException {
        String before = hash();
        write(dir, "src/new.txt", "");
        assertNotEquals(before, hash());
    }

    @Test
    void changesWhenAFileIsRenamed() throws IOException {
        String before = hash();
        Files.move(dir.resolve("src/a.txt"), dir.resolve("src/b.txt"));
        assertNotEquals(before, hash());
    }

    @Test
    void changesWhenAModeChanges() throws IOException {
        String before = hash();
        Files.setPosixFilePermissions(dir.resolve("src/a.txt"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertNotEquals(before, hash());
    }

    @Test
    void changesWhenTheDockerfileChanges() throws IOException {
        String before = hash();
        Files.writeString(dir.resolve("Dockerfile"), "FROM busybox:latest\nCOPY . /srv\n");
        assertNotEquals(before, hash());
    }

    @Test
    void changesWithAnArg() {
        assertNotEquals(hash(), hash(Map.of("VERSION", "2"), "final", LABELS, null, BASES));
    }

    @Test
    void changesWithTheTarget() {
        assertNotEquals(hash(), hash(ARGS, "test", LABELS, null, BASES));
    }

    @Test
    void changesWithALabel() {
        assertNotEquals(hash(), hash(ARGS, "final", Map.of("team", "b"), null, BASES));
    }

    @Test
    void changesWithThePlatform() {
        assertNotEquals(hash(), hash(ARGS, "final", LABELS, "linux/arm64", BASES));
    }

    @Test
    void changesWhenABaseImageChanges() {
        assertNotEquals(hash(), hash(ARGS, "final", LABELS, null, Map.of("busybox:latest", "sha256:bbb")));
    }

    @Test
    void doesNotChangeWhenAnIgnoredFileChanges() throws IOException {
        String before = hash();
        Files.writeString(dir.resolve("debug.log"), "more");
        write(dir, "other.log", "new");
        assertEquals(before, hash());
    }

    @Test
    void doesNotChangeWithModificationTimes() throws IOException {
        String before = hash();
        Files.setLastModifiedTime(dir.resolve("src/a.txt"), FileTime.fromMillis(0));
        assertEquals(before, hash());
    }

    @Test
    void doesNotDependOnTheOrderOfArgsOrLabels() {
        Map<String, String> ab = new java.util.LinkedHashMap<>();
        ab.put("A", "1");
        ab.put("B", "2");
        Map<String, String> ba = new java.util.LinkedHashMap<>();
        ba.put("B", "2");
        ba.put("A", "1");
        assertEquals(hash(ab, null, ab, null, BASES), hash(ba, null, ba, null, BASES));
    }

    @Test
    void anArgWithoutValueCountsAsAbsent() {
        Map<String, String> withNull = new java.util.HashMap<>(ARGS);
        withNull.put("UNSET", null);
        assertEquals(hash(), hash(withNull, "final", LABELS, null, BASES));
    }

    @Test
    void anInlineDockerfileCountsByContent() {
        String a = BuildHash.of(BuildContext.scan(dir, null, "FROM busybox:latest\n"), ARGS, null, LABELS, null, BASES);
        String b = BuildHash.of(BuildContext.scan(dir, null, "FROM busybox:latest\nRUN true\n"), ARGS, null, LABELS, null, BASES);
        assertNotEquals(a, b);
    }
}
