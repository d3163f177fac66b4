package io.github.dockerstack.load.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.load.ComposeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DotEnvParserTest {
    private static final Path FILE = Path.of(".env");

    private static Map<String, String> parse(String content) {
        return DotEnvParser.parse(FILE, content, name -> null);
    }

    private static Map<String, String> parse(String content, Map<String, String> outer) {
        return DotEnvParser.parse(FILE, content, outer::get);
    }

    private static ComposeException error(String content) {
        return assertThrows(ComposeException.class, () -> parse(content));
    }

    @Test
    void keyEqualsValue() {
        assertEquals(Map.of("FOO", "bar", "BAZ", "qux"), parse("FOO=bar\nBAZ=qux\n"));
    }

    @Test
    void keepsFileOrder() {
        assertEquals(List.of("Z", "A", "M"), List.copyOf(parse("Z=1\nA=2\nM=3").keySet()));
    }

    @Test
    void laterDefinitionWins() {
        assertEquals(Map.of("A", "2"), parse("A=1\nA=2\n"));
    }

    @Test
    void exportPrefixIsDropped() {
        assertEquals(Map.of("A", "1", "B", "2"), parse("export A=1\n  export\tB=2\n"));
    }

    @Test
    void exportOnlyAsSeparateWord() {
        assertEquals(Map.of("exportFOO", "1", "export_BAR", "2"), parse("exportFOO=1\nexport_BAR =2\n"));
    }

    @Test
    void commentLinesAndBlankLinesAreSkipped() {
        assertEquals(Map.of("A", "1", "B", "2"), parse("""
                # a comment
                A=1

                   \t# indented comment
                B=2
                #C=3
                """));
    }

    @Test
    void spaceHashStartsCommentInUnquotedValue() {
        assertEquals(Map.of("A", "bar", "B", "bar"), parse("A=bar # comment\nB=bar #\n"));
    }

    @Test
    void hashWithoutSpaceIsPartOfUnquotedValue() {
        assertEquals(Map.of("A", "123#not-a-comment"), parse("A=123#not-a-comment\n"));
    }

    @Test
    void yamlStyleColon() {
        assertEquals(Map.of("A", "1", "B", "Foo=bar"), parse("A: 1\nB: Foo=bar\n"));
    }

    @Test
    void colonInValueAfterEquals() {
        assertEquals(Map.of("A", "1:B"), parse("A=1:B\n"));
    }

    @Test
    void emptyValue() {
        assertEquals(Map.of("A", "", "B", ""), parse("A=\nB=   \n"));
    }

    @Test
    void keyAloneTakesLookupValue() {
        assertEquals(Map.of("HOME", "/home/me"), parse("HOME\n", Map.of("HOME", "/home/me")));
    }

    @Test
    void keyAloneWithoutLookupValueIsLeftOut() {
        assertEquals(Map.of("B", "1"), parse("A\nB=1\n"));
    }

    @Test
    void keyAloneOnLastLineWithoutNewline() {
        assertEquals(Map.of("HOME", "/h"), parse("HOME", Map.of("HOME", "/h")));
    }

    @Test
    void unquotedValueIsTrimmed() {
        assertEquals(Map.of("A", "bar baz"), parse("A =   bar baz  \t\n"));
    }

    @Test
    void indentedKey() {
        assertEquals(Map.of("A", "v"), parse("\t  A=v\n"));
    }

    @Test
    void windowsLineEndings() {
        assertEquals(Map.of("A", "1", "B", "two"), parse("A=1\r\nB=\"two\"\r\n"));
    }

    @Test
    void utf8ByteOrderMarkIsSkipped() {
        assertEquals(Map.of("A", "1"), parse("\uFEFFA=1\n"));
    }

    @Test
    void keysMayHoldDotsDashesBracketsAndLetters() {
        assertEquals(Map.of("a.b", "1", "c-d", "2", "e[1]", "3", "árvíz", "4"), parse("a.b=1\nc-d=2\ne[1]=3\nárvíz=4\n"));
    }

    @Test
    void singleQuotesAreLiteral() {
        assertEquals(Map.of("A", "x $FOO \\n ${B} # y"), parse("A='x $FOO \\n ${B} # y'\n", Map.of("FOO", "no")));
    }

    @Test
    void singleQuotesUnescapeOnlyTheQuote() {
        assertEquals(Map.of("A", "Let's go \\\\ now"), parse("A='Let\\'s go \\\\ now'\n"));
    }

    @Test
    void singleQuotedValueSpansLines() {
        assertEquals(Map.of("A", "first line\nsecond line", "B", "1"), parse("A='first line\nsecond line'\nB=1\n"));
    }

    @Test
    void doubleQuotedEscapes() {
        assertEquals(Map.of("A", "Z\u0007Z\bZ\fZ\nZ\rZ\tZ\u000BZ\\Z\"Z"), parse("A=\"Z\\aZ\\bZ\\fZ\\nZ\\rZ\\tZ\\vZ\\\\Z\\\"Z\"\n"));
    }

    @Test
    void doubleQuotedOctalEscape() {
        assertEquals(Map.of("A", "S", "B", "\\012", "C", "\\0999"), parse("A=\"\\0123\"\nB=\"\\012\"\nC=\"\\0999\"\n"));
    }

    @Test
    void doubleQuotedUnknownEscapesStay() {
        assertEquals(Map.of("A", "\\x07 \\u12e4 \\ b"), parse("A=\"\\x07 \\u12e4 \\ b\"\n"));
    }

    @Test
    void doubleQuotedValueSpansLines() {
        assertEquals(Map.of("A", "a:3333\nb:443", "B", "2"), parse("A=\"a:3333\nb:443\"\nB=2\n"));
    }

    @Test
    void doubleQuotedKeepsHashAndSingleQuotes() {
        assertEquals(Map.of("A", "bar#baz 'd'"), parse("A=\"bar#baz 'd'\" # comment\n"));
    }

    @Test
    void unquotedKeepsBackslashes() {
        assertEquals(Map.of("A", "a\\tb"), parse("A=a\\tb\n"));
    }

    @Test
    void backticksAreOrdinaryCharacters() {
        assertEquals(Map.of("A", "`echo hi`", "B", "`x"), parse("A=`echo hi`\nB=`x\n"));
    }

    @Test
    void textAfterClosingQuoteStartsANewStatement() {
        assertEquals(Map.of("A", "x", "B", "y"), parse("A=\"x\" B=y\n"));
    }

    @Test
    void interpolatesUnquotedValues() {
        assertEquals(Map.of("A", "x", "B", "x-y"), parse("A=x\nB=$A-${C:-y}\n"));
    }

    @Test
    void interpolatesDoubleQuotedValues() {
        assertEquals(Map.of("A", "x", "B", "quote x"), parse("A=x\nB=\"quote $A\"\n"));
    }

    @Test
    void escapedDollarIsNotInterpolated() {
        assertEquals(Map.of("A", "foo$BAR", "B", "foo${BAR}", "C", "$BAR"), parse("A=\"foo\\$BAR\"\nB=\"foo\\${BAR}\"\nC=$$BAR\n",
                Map.of("BAR", "no")));
    }

    @Test
    void lookupWinsOverEarlierValueInReferences() {
        assertEquals(Map.of("A", "file", "B", "outer"), parse("A=file\nB=$A\n", Map.of("A", "outer")));
    }

    @Test
    void undefinedReferenceIsEmptyAndWarns() {
        List<String> warnings = new ArrayList<>();
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        DotEnvParser.parseInto(FILE, "B=[$NOPE]\n", out, name -> null, warnings::add);
        assertEquals(Map.of("B", "[]"), out);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("\"NOPE\""), warnings.get(0));
    }

    @Test
    void parseIntoSeesEarlierFilesValues() {
        LinkedHashMap<String, String> out = new LinkedHashMap<>(Map.of("A", "first"));
        Function<String, String> none = name -> null;
        DotEnvParser.parseInto(FILE, "B=${A}-2\n", out, none, w -> {
        });
        assertEquals(Map.of("A", "first", "B", "first-2"), out);
    }

    @Test
    void invalidCharacterInKeyNamesLineAndColumn() {
        ComposeException e = error("A=1\n\nlol$wut\n");
        assertEquals(3, e.location().line());
        assertEquals(4, e.location().column());
        assertEquals(FILE, e.location().file());
        assertTrue(e.problem().contains("unexpected character '$' in variable name \"lol$wut\""), e.problem());
    }

    @Test
    void spaceInKeyIsRejected() {
        ComposeException e = error("A=1\nINVALID LINE\n");
        assertEquals(2, e.location().line());
        assertTrue(e.problem().contains("contains a space"), e.problem());
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereItStarts() {
        ComposeException e = error("A=1\nB=\"value\nC=2\n");
        assertEquals(2, e.location().line());
        assertEquals(3, e.location().column());
        assertTrue(e.problem().startsWith("unterminated quoted value \"value; add the closing \""), e.problem());
    }

    @Test
    void unterminatedSingleQuoteWithEscapedQuote() {
        ComposeException e = error("K='value\\'");
        assertEquals(1, e.location().line());
    }

    @Test
    void invalidInterpolationNamesLineAndKey() {
        ComposeException e = error("A=1\n# x\nB=\"multi\nline\"\nC=${oops\n");
        assertEquals(5, e.location().line());
        assertEquals("C", e.path());
        assertTrue(e.problem().startsWith("invalid interpolation format"), e.problem());
    }

    @Test
    void requiredVariableMissing() {
        ComposeException e = error("A=${NEEDED:?set NEEDED}\n");
        assertEquals(1, e.location().line());
        assertEquals("required variable NEEDED is missing a value: set NEEDED", e.problem());
    }
}
