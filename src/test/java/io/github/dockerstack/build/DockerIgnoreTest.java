package io.github.dockerstack.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** .dockerignore reading and matching, rule by rule as moby's ignorefile and patternmatcher. */
class DockerIgnoreTest {

    private static DockerIgnore ignore(String text) {
        return DockerIgnore.of(DockerIgnore.parse(text));
    }

    // ---------------------------------------------------------------- reading the file

    @Test
    void linesStartingWithHashAreComments() {
        assertEquals(List.of("foo"), DockerIgnore.parse("# a comment\nfoo\n#bar\n"));
    }

    @Test
    void aHashAfterLeadingSpaceIsAPatternNotAComment() {
        assertEquals(List.of("# x"), DockerIgnore.parse(" # x\n"));
    }

    @Test
    void patternsAreTrimmedAndEmptyLinesSkipped() {
        assertEquals(List.of("foo", "bar"), DockerIgnore.parse("  foo  \n\n\t\nbar\t\n"));
    }

    @Test
    void aLeadingSlashIsDropped() {
        assertEquals(List.of("foo/bar", "!baz"), DockerIgnore.parse("/foo/bar\n! /baz\n"));
    }

    @Test
    void patternsAreCleanedLikePaths() {
        assertEquals(List.of("bar", "foo", "foo/bar", "build"), DockerIgnore.parse("foo/../bar\n./foo/\nfoo//bar\nbuild/\n"));
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreIgnored() {
        assertEquals(List.of("a", "b"), DockerIgnore.parse("\uFEFFa\r\nb\r\n"));
    }

    @Test
    void anExclamationMarkAloneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ignore("!\n"));
    }

    @Test
    void anUnclosedCharacterClassIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ignore("file[.txt\n"));
    }

    // ---------------------------------------------------------------- matching

    @Test
    void aNameMatchesItselfAndEverythingBelowIt() {
        DockerIgnore i = ignore("foo");
        assertTrue(i.excludes("foo"));
        assertTrue(i.excludes("foo/bar/baz.txt"));
        assertFalse(i.excludes("foobar"));
        assertFalse(i.excludes("a/foo"));
    }

    @Test
    void aStarDoesNotCrossDirectories() {
        DockerIgnore i = ignore("*.md");
        assertTrue(i.excludes("README.md"));
        assertFalse(i.excludes("docs/guide.md"));
    }

    @Test
    void aLeadingDoubleStarMatchesAtAnyDepthAndAtTheTop() {
        DockerIgnore i = ignore("**/*.md");
        assertTrue(i.excludes("README.md"));
        assertTrue(i.excludes("docs/guide.md"));
        assertTrue(i.excludes("a/b/c.md"));
        assertFalse(i.excludes("a/b/c.mdx"));
    }

    @Test
    void aLeadingDoubleStarBeforeALiteralNameIsASuffixMatch() {
        DockerIgnore i = ignore("**/node_modules");
        assertTrue(i.excludes("node_modules"));
        assertTrue(i.excludes("web/node_modules"));
        assertTrue(i.excludes("web/node_modules/left-pad/index.js"));
        assertFalse(i.excludes("web/node_modules_old"));
    }

    @Test
    void doubleStarWithoutSlashIsAPlainSuffix() {
        DockerIgnore i = ignore("**foo");
        assertTrue(i.excludes("barfoo"));
        assertTrue(i.excludes("x/yfoo"));
        assertFalse(i.excludes("foobar"));
    }

    @Test
    void aTrailingDoubleStarMatchesTheContentsButNotTheDirectory() {
        DockerIgnore i = ignore("docs/**");
        assertFalse(i.excludes("docs"));
        assertTrue(i.excludes("docs/a"));
        assertTrue(i.excludes("docs/a/b"));
    }

    @Test
    void aDoubleStarInTheMiddleMatchesAnyNumberOfDirectories() {
        DockerIgnore i = ignore("a/**/b");
        assertTrue(i.excludes("a/b"));
        assertTrue(i.excludes("a/x/b"));
        assertTrue(i.excludes("a/x/y/b"));
        assertFalse(i.excludes("a/x/c"));
    }

    @Test
    void aDoubleStarAloneMatchesEverything() {
        DockerIgnore i = ignore("**");
        assertTrue(i.excludes("a"));
        assertTrue(i.excludes("a/b/c"));
    }

    @Test
    void aQuestionMarkIsOneCharacterButNotASlash() {
        DockerIgnore i = ignore("file?.txt");
        assertTrue(i.excludes("file1.txt"));
        assertFalse(i.excludes("file10.txt"));
        assertFalse(i.excludes("file.txt"));
    }

    @Test
    void characterClassesWork() {
        DockerIgnore i = ignore("[ab].txt");
        assertTrue(i.excludes("a.txt"));
        assertTrue(i.excludes("b.txt"));
        assertFalse(i.excludes("c.txt"));
    }

    @Test
    void aBackslashEscapesAWildcard() {
        DockerIgnore i = ignore("foo\\*");
        assertTrue(i.excludes("foo*"));
        assertFalse(i.excludes("foobar"));
    }

    @Test
    void regexCharactersAreLiteral() {
        DockerIgnore i = ignore("a+b(1).txt");
        assertTrue(i.excludes("a+b(1).txt"));
        assertFalse(i.excludes("aab1.txt"));
    }

    @Test
    void theDocumentationExample() {
        DockerIgnore i = ignore("""
                # comment
                */temp*
                */*/temp*
                temp?
                """);
        assertTrue(i.excludes("somedir/temporary.txt"));
        assertTrue(i.excludes("somedir/temp"));
        assertTrue(i.excludes("somedir/subdir/temporary.txt"));
        assertTrue(i.excludes("tempa"));
        assertFalse(i.excludes("temporary.txt"));
        assertFalse(i.excludes("a/b/c/temp"));
    }

    @Test
    void anExceptionBringsAFileBack() {
        DockerIgnore i = ignore("*.md\n!README.md\n");
        assertFalse(i.excludes("README.md"));
        assertTrue(i.excludes("CHANGES.md"));
    }

    @Test
    void theLastMatchingPatternWins() {
        DockerIgnore i = ignore("!README.md\n*.md\n");
        assertTrue(i.excludes("README.md"));
    }

    @Test
    void anExceptionBelowAnExcludedDirectory() {
        DockerIgnore i = ignore("docs\n!docs/keep.md\n");
        assertTrue(i.excludes("docs"));
        assertFalse(i.excludes("docs/keep.md"));
        assertTrue(i.excludes("docs/other.md"));
    }

    @Test
    void anExcludedFileInsideAReincludedDirectory() {
        DockerIgnore i = ignore("*\n!src\nsrc/*.tmp\n");
        assertTrue(i.excludes("README"));
        assertFalse(i.excludes("src/Main.java"));
        assertTrue(i.excludes("src/x.tmp"));
    }

    @Test
    void hiddenDirectoriesAreOrdinaryNames() {
        DockerIgnore i = ignore(".git\n");
        assertTrue(i.excludes(".git/config"));
        assertFalse(i.excludes(".github/workflows/ci.yml"));
    }

    @Test
    void aStarAloneExcludesEverythingAtTheTopAndBelow() {
        DockerIgnore i = ignore("*");
        assertTrue(i.excludes("Dockerfile"));
        assertTrue(i.excludes("src/a/b.java"));
    }

    // ---------------------------------------------------------------- always sent

    @Test
    void theDockerfileAndDockerignoreGetExceptionsWhenIgnored() {
        DockerIgnore kept = ignore("Dockerfile\n.dockerignore\n*.md\n").keeping("Dockerfile");
        assertEquals(List.of("Dockerfile", ".dockerignore", "*.md", "!.dockerignore", "!Dockerfile"), kept.patterns());
        assertFalse(kept.excludes("Dockerfile"));
        assertFalse(kept.excludes(".dockerignore"));
        assertTrue(kept.excludes("a.md"));
    }

    @Test
    void aDockerfileInAnIgnoredDirectoryIsKept() {
        DockerIgnore kept = ignore("docker\n").keeping("docker/app.Dockerfile");
        assertFalse(kept.excludes("docker/app.Dockerfile"));
        assertTrue(kept.excludes("docker/other"));
    }

    @Test
    void nothingIsAddedWhenTheFilesAreNotIgnored() {
        DockerIgnore i = ignore("target\n");
        assertEquals(List.of("target"), i.keeping("Dockerfile").patterns());
    }
}
