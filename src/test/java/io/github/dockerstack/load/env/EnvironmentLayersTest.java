package io.github.dockerstack.load.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.load.ComposeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentLayersTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    private Map<String, String> resolve(List<Path> envFiles, Map<String, String> process, Map<String, String> pom) {
        return EnvironmentLayers.resolve(dir, envFiles, process, pom);
    }

    @Test
    void readsDefaultDotEnv() throws IOException {
        write(".env", "A=1\nB=2\n");
        assertEquals(Map.of("A", "1", "B", "2"), resolve(List.of(), Map.of(), Map.of()));
    }

    @Test
    void missingDefaultDotEnvIsFine() {
        assertEquals(Map.of("P", "x"), resolve(List.of(), Map.of("P", "x"), Map.of()));
    }

    @Test
    void dotEnvDirectoryIsIgnored() throws IOException {
        Files.createDirectories(dir.resolve(".env"));
        assertEquals(Map.of(), resolve(List.of(), Map.of(), Map.of()));
    }

    @Test
    void disableEnvFileSkipsDefault() throws IOException {
        write(".env", "A=1\n");
        assertEquals(Map.of("COMPOSE_DISABLE_ENV_FILE", "true"), resolve(List.of(), Map.of("COMPOSE_DISABLE_ENV_FILE", "true"), Map.of()));
    }

    @Test
    void explicitFilesReplaceDefault() throws IOException {
        write(".env", "DEFAULT=1\n");
        write("conf/a.env", "A=1\n");
        assertEquals(Map.of("A", "1"), resolve(List.of(Path.of("conf/a.env")), Map.of(), Map.of()));
    }

    @Test
    void absoluteEnvFile() throws IOException {
        Path abs = write("x/abs.env", "A=abs\n");
        assertEquals(Map.of("A", "abs"), resolve(List.of(abs), Map.of(), Map.of()));
    }

    @Test
    void laterFileWins() throws IOException {
        write("a.env", "A=1\nB=1\n");
        write("b.env", "B=2\n");
        assertEquals(Map.of("A", "1", "B", "2"), resolve(List.of(Path.of("a.env"), Path.of("b.env")), Map.of(), Map.of()));
    }

    @Test
    void laterFileReferencesEarlierFile() throws IOException {
        write("a.env", "HOST=db\n");
        write("b.env", "URL=postgres://${HOST}:5432\n");
        Map<String, String> env = resolve(List.of(Path.of("a.env"), Path.of("b.env")), Map.of(), Map.of());
        assertEquals("postgres://db:5432", env.get("URL"));
    }

    @Test
    void redefinedValueIsSeenByLaterReferences() throws IOException {
        write("a.env", "A=1\n");
        write("b.env", "A=2\nB=$A\n");
        assertEquals("2", resolve(List.of(Path.of("a.env"), Path.of("b.env")), Map.of(), Map.of()).get("B"));
    }

    @Test
    void missingExplicitFileIsAnErrorNamingIt() {
        ComposeException e = assertThrows(ComposeException.class, () -> resolve(List.of(Path.of("nope.env")), Map.of(), Map.of()));
        assertTrue(e.problem().contains(dir.resolve("nope.env").toString()), e.problem());
        assertEquals(dir.resolve("nope.env"), e.location().file());
    }

    @Test
    void processEnvironmentOverridesFiles() throws IOException {
        write(".env", "A=file\nB=file\n");
        assertEquals(Map.of("A", "process", "B", "file"), resolve(List.of(), Map.of("A", "process"), Map.of()));
    }

    @Test
    void pomOverridesProcessAndFiles() throws IOException {
        write(".env", "A=file\nB=file\nC=file\n");
        Map<String, String> env = resolve(List.of(), Map.of("A", "process", "B", "process"), Map.of("A", "pom"));
        assertEquals(Map.of("A", "pom", "B", "process", "C", "file"), env);
    }

    @Test
    void fileReferencesSeeHigherLayersFirst() throws IOException {
        write(".env", "TAG=file\nIMAGE=app:$TAG\nUSER\n");
        Map<String, String> env = resolve(List.of(), Map.of("TAG", "process", "USER", "me"), Map.of());
        assertEquals("app:process", env.get("IMAGE"));
        assertEquals("me", env.get("USER"));
    }

    @Test
    void parseErrorNamesFileAndLine() throws IOException {
        Path f = write(".env", "A=1\nB C=2\n");
        ComposeException e = assertThrows(ComposeException.class, () -> resolve(List.of(), Map.of(), Map.of()));
        assertEquals(f, e.location().file());
        assertEquals(2, e.location().line());
    }

    @Test
    void resultIsUnmodifiableAndOrdered() throws IOException {
        write(".env", "Z=1\nA=2\n");
        Map<String, String> env = resolve(List.of(), Map.of(), Map.of("P", "3"));
        assertEquals(List.of("Z", "A", "P"), List.copyOf(env.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> env.put("X", "y"));
    }
}
