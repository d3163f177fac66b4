package io.github.dockerstack.load.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.load.ComposeException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawEnvParserTest {
    private static final Path FILE = Path.of("raw.env");

    private static Map<String, String> parse(String content) {
        return RawEnvParser.parse(FILE, content, Map.of("FROM_OUTSIDE", "outer")::get);
    }

    @Test
    void valuesAreTakenAsWrittenWithoutInterpolationOrEscapes() {
        assertEquals(Map.of("A", "${B} $C \\n # not a comment", "B", "x=y"), parse("A=${B} $C \\n # not a comment\nB=x=y\n"));
    }

    @Test
    void trailingWhitespaceStaysAndLeadingWhitespaceOfTheLineGoes() {
        assertEquals(Map.of("A", " spaced  "), parse("   A= spaced  \r\n"));
    }

    @Test
    void oneMatchingPairOfQuotesIsRemoved() {
        assertEquals(Map.of("D", "two words", "S", "it's", "M", "\"mixed'", "Q", "\""), parse("D=\"two words\"\nS='it's'\nM=\"mixed'\nQ=\"\n"));
    }

    @Test
    void commentsBlankLinesAndAByteOrderMarkAreSkipped() {
        assertEquals(List.of("A", "B"), List.copyOf(parse("\uFEFFA=1\n\n  # comment\nB=2").keySet()));
    }

    @Test
    void aKeyAloneTakesTheOuterValueOrIsLeftOut() {
        assertEquals(Map.of("FROM_OUTSIDE", "outer", "EMPTY", ""), parse("FROM_OUTSIDE\nUNSET\nEMPTY=\n"));
    }

    @Test
    void aKeyWithWhitespaceIsAnErrorAtItsLine() {
        ComposeException e = assertThrows(ComposeException.class, () -> parse("A=1\nexport B=2\n"));
        assertEquals(2, e.location().line());
        assertTrue(e.problem().contains("'export B' contains whitespace"), e.problem());
    }

    @Test
    void aMissingKeyIsAnError() {
        ComposeException e = assertThrows(ComposeException.class, () -> parse("=value\n"));
        assertEquals(1, e.location().line());
        assertTrue(e.problem().contains("no variable name"), e.problem());
    }
}
