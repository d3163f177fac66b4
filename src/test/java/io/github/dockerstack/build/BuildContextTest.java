package io.github.dockerstack.build;

import static io.github.dockerstack.build.ContextFiles.readTar;
import static io.github.dockerstack.build.ContextFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context tar: which entries, in which order, with which headers. */
class BuildContextTest {
    @TempDir
    Path dir;
    @TempDir
    Path out;

    private List<String> names(String... pathsAndContents) throws IOException {
        write(dir, pathsAndContents);
        return BuildContext.scan(dir, null, null).names();
    }

    @Test
    void entriesAreSortedByNameDepthFirstWithDirectoriesEndingInSlash() throws IOException {
        assertEquals(List.of("Dockerfile", "a/", "a/b.txt", "a/c/", "a/c/d.txt", "b.txt"),
                names("b.txt", "1", "a/c/d.txt", "2", "a/b.txt", "3", "Dockerfile", "FROM busybox:latest\n"));
    }

    @Test
    void namesAreOrderedByBytesNotByLocale() throws IOException {
        assertEquals(List.of("B", "Dockerfile", "_x", "a"), names("a", "", "B", "", "_x", "", "Dockerfile", "FROM x\n"));
    }

    @Test
    void ignoredFilesAndDirectoriesAreLeftOut() throws IOException {
        assertEquals(List.of(".dockerignore", "Dockerfile", "src/", "src/Main.java"),
                names(".dockerignore", "target\n*.log\n", "Dockerfile", "FROM x\n", "target/app.jar", "x", "debug.log", "x",
                        "src/Main.java", "x"));
    }

    @Test
    void anExceptionBelowAnIgnoredDirectorySendsTheFileButNotTheDirectory() throws IOException {
        // as moby's walker: the excluded directory is walked for the exception, its own entry stays out
        assertEquals(List.of(".dockerignore", "Dockerfile", "docs/keep.md"),
                names(".dockerignore", "docs\n!docs/keep.md\n", "Dockerfile", "FROM x\n", "docs/keep.md", "k", "docs/other.md", "o"));
    }

    @Test
    void theDockerfileAndDockerignoreAreSentEvenWhenIgnored() throws IOException {
        assertEquals(List.of(".dockerignore", "Dockerfile"), names(".dockerignore", "*\n", "Dockerfile", "FROM x\n", "a.txt", "a"));
    }

    @Test
    void aDockerfileInAnIgnoredDirectoryIsSentAlone() throws IOException {
        write(dir, ".dockerignore", "docker\n", "docker/app.Dockerfile", "FROM x\n", "docker/secret", "s");
        BuildContext context = BuildContext.scan(dir, "docker/app.Dockerfile", null);
        assertEquals(List.of(".dockerignore", "docker/app.Dockerfile"), context.names());
        assertEquals("docker/app.Dockerfile", context.dockerfile());
    }

    @Test
    void aLowerCaseDockerfileIsFoundWhenNoneIsNamed() throws IOException {
        write(dir, "dockerfile", "FROM x\n");
        assertEquals("dockerfile", BuildContext.scan(dir, null, null).dockerfile());
    }

    @Test
    void aMissingDockerfileIsAUserError() {
        BuildException e = assertThrows(BuildException.class, () -> BuildContext.scan(dir, "nope/Dockerfile", null));
        assertTrue(e.getMessage().contains("Cannot locate the Dockerfile " + dir.resolve("nope/Dockerfile")), e.getMessage());
    }

    @Test
    void aMissingContextIsAUserError() {
        BuildException e = assertThrows(BuildException.class, () -> BuildContext.scan(dir.resolve("missing"), null, null));
        assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
    }

    @Test
    void aBrokenIgnorePatternNamesTheFile() throws IOException {
        write(dir, ".dockerignore", "[\n", "Dockerfile", "FROM x\n");
        BuildException e = assertThrows(BuildException.class, () -> BuildContext.scan(dir, null, null));
        assertTrue(e.getMessage().startsWith(dir.resolve(".dockerignore") + ": syntax error in pattern '['"), e.getMessage());
    }

    @Test
    void anInlineDockerfileTravelsUnderAGeneratedNameThatTheIgnoreFileHides() throws IOException {
        write(dir, "app.txt", "a");
        String text = "FROM busybox:latest\nCOPY . /app\n";
        BuildContext context = BuildContext.scan(dir, null, text);
        String name = context.dockerfile();
        assertTrue(name.matches("\\.dockerfile\\.[0-9a-f]{20}"), name);
        assertEquals(name, BuildContext.scan(dir, null, text).dockerfile(), "same content, same name");
        assertEquals(List.of("app.txt", name, ".dockerignore"), context.names());
        Map<String, ContextFiles.TarItem> tar = readTar(context.writeTar(out.resolve("c.tar")));
        assertEquals(text, tar.get(name).content());
        assertEquals(name + "\n.dockerignore\n", tar.get(".dockerignore").content());
        assertNull(context.dockerfileSource());
    }

    @Test
    void anInlineDockerfileIsAddedToAnExistingIgnoreFile() throws IOException {
        write(dir, ".dockerignore", "*.log", "app.txt", "a");
        BuildContext context = BuildContext.scan(dir, null, "FROM x\n");
        Map<String, ContextFiles.TarItem> tar = readTar(context.writeTar(out.resolve("c.tar")));
        assertEquals("*.log\n" + context.dockerfile() + "\n", tar.get(".dockerignore").content());
    }

    @Test
    void aDockerfileOutsideTheContextIsCopiedIn() throws IOException {
        Path context = Files.createDirectories(dir.resolve("ctx"));
        write(dir, "docker/Dockerfile", "FROM x\n", "ctx/a.txt", "a");
        BuildContext built = BuildContext.scan(context, "../docker/Dockerfile", null);
        assertTrue(built.dockerfile().startsWith(".dockerfile."), built.dockerfile());
        assertEquals("FROM x\n", built.dockerfileText());
        assertEquals(dir.resolve("docker/Dockerfile"), built.dockerfileSource());
        assertFalse(built.names().contains("../docker/Dockerfile"));
    }

    @Test
    void headersAreRootOwnedWithRealModesAndTimes() throws IOException {
        write(dir, "Dockerfile", "FROM x\n", "bin/run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(dir.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.setLastModifiedTime(dir.resolve("bin/run.sh"), FileTime.fromMillis(1_600_000_000_999L));
        Map<String, ContextFiles.TarItem> tar = readTar(BuildContext.scan(dir, null, null).writeTar(out.resolve("h.tar")));
        ContextFiles.TarItem script = tar.get("bin/run.sh");
        assertEquals(0750, script.mode());
        assertEquals(0, script.uid());
        assertEquals(0, script.gid());
        assertEquals("", script.userName());
        assertEquals(1_600_000_000L, script.modTimeSeconds(), "whole seconds");
        assertEquals("#!/bin/sh\n", script.content());
        assertTrue(tar.get("bin/").directory());
    }

    @Test
    void symlinksAreSentAsLinksNotFollowed() throws IOException {
        write(dir, "Dockerfile", "FROM x\n", "real/file.txt", "r");
        Files.createSymbolicLink(dir.resolve("link"), Path.of("real"));
        BuildContext context = BuildContext.scan(dir, null, null);
        assertEquals(List.of("Dockerfile", "link", "real/", "real/file.txt"), context.names());
        ContextFiles.TarItem link = readTar(context.writeTar(out.resolve("l.tar"))).get("link");
        assertTrue(link.symlink());
        assertEquals("real", link.linkName());
    }

    @Test
    void hardLinksAreSentOnceAndThenAsLinks() throws IOException {
        write(dir, "Dockerfile", "FROM x\n", "a.bin", "data");
        Files.createLink(dir.resolve("b.bin"), dir.resolve("a.bin"));
        Map<String, ContextFiles.TarItem> tar = readTar(BuildContext.scan(dir, null, null).writeTar(out.resolve("k.tar")));
        assertEquals("data", tar.get("a.bin").content());
        assertTrue(tar.get("b.bin").hardlink());
        assertEquals("a.bin", tar.get("b.bin").linkName());
    }

    @Test
    void longAndNonAsciiNamesSurviveTheTar() throws IOException {
        String longName = "d/" + "x".repeat(150) + "/" + "y".repeat(120) + ".txt";
        write(dir, "Dockerfile", "FROM x\n", longName, "long", "caf\u00e9.txt", "accent");
        Map<String, ContextFiles.TarItem> tar = readTar(BuildContext.scan(dir, null, null).writeTar(out.resolve("n.tar")));
        assertEquals("long", tar.get(longName).content());
        assertEquals("accent", tar.get("caf\u00e9.txt").content());
    }

    @Test
    void theTarIsTheSameForTheSameTree() throws IOException {
        write(dir, "Dockerfile", "FROM x\n", "a/b.txt", "b", "c.txt", "c");
        byte[] first = Files.readAllBytes(BuildContext.scan(dir, null, null).writeTar(out.resolve("1.tar")));
        byte[] second = Files.readAllBytes(BuildContext.scan(dir, null, null).writeTar(out.resolve("2.tar")));
        assertEquals(first.length, second.length);
        assertTrue(java.util.Arrays.equals(first, second));
    }
}
