package io.github.dockerstack.load.canonical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
    @Test
    void blanksSeparateWords() {
        assertEquals(List.of("a", "b", "c"), ShellWords.split("  a\tb \n c  "));
        assertEquals(List.of(), ShellWords.split(""));
    }

    @Test
    void quotesKeepBlanksAndJoinWithNeighbours() {
        assertEquals(List.of("a b", "x'y", "pre-mid-post"), ShellWords.split("'a b' \"x'y\" pre-'mid'-\"post\""));
        assertEquals(List.of("", "a"), ShellWords.split("\"\" a"));
    }

    @Test
    void backslashEscapesOutsideSingleQuotes() {
        assertEquals(List.of("a b", "\"q\"", "back\\slash", "$HOME"), ShellWords.split("a\\ b \"\\\"q\\\"\" 'back\\slash' \\$HOME"));
    }

    @Test
    void substitutionsStayAsTyped() {
        assertEquals(List.of("echo", "$(date +%s)", "`id -u`"), ShellWords.split("echo $(date +%s) `id -u`"));
    }

    @Test
    void anUnquotedOperatorEndsTheCommand() {
        assertEquals(List.of("echo", "a"), ShellWords.split("echo a && echo b"));
        assertEquals(List.of("echo", "a;b"), ShellWords.split("echo 'a;b'; rm x"));
        assertEquals(List.of("run"), ShellWords.split("run 2>/dev/null"));
    }

    @Test
    void unterminatedInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo 'a"));
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo a\\"));
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo (a)"));
    }
}
