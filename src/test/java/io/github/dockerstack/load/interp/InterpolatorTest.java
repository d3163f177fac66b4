package io.github.dockerstack.load.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.yaml.SourceMap;
import io.github.dockerstack.load.yaml.Tagged;
import io.github.dockerstack.load.yaml.YamlDocument;
import io.github.dockerstack.load.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class InterpolatorTest {
    private static final Path FILE = Path.of("compose.yaml");
    private static final Map<String, String> ENV = Map.of("FOO", "first", "EMPTY", "", "JSON", "{\"a\":1}");
    private static final Function<String, String> LOOKUP = ENV::get;

    private static String sub(String template) {
        return Interpolator.interpolate(template, LOOKUP);
    }

    private static YamlDocument yaml(String text) {
        return YamlReader.read(FILE, text).get(0);
    }

    private static Map<String, Object> tree(String text) {
        YamlDocument doc = yaml(text);
        return Interpolator.interpolate(doc.root(), doc.sources(), LOOKUP);
    }

    @Test
    void namedVariable() {
        assertEquals("a first b", sub("a $FOO b"));
    }

    @Test
    void namedVariableEndsAtFirstNonNameCharacter() {
        assertEquals("first.x first-y", sub("$FOO.x $FOO-y"));
    }

    @Test
    void bracedVariable() {
        assertEquals("firstx", sub("${FOO}x"));
    }

    @Test
    void unsetVariableBecomesEmptyAndWarns() {
        List<String> warnings = new ArrayList<>();
        assertEquals("a--b", Interpolator.interpolate("a-$NOPE-${NOPE2}b", LOOKUP, warnings::add));
        assertEquals(List.of("The \"NOPE\" variable is not set. Defaulting to a blank string.",
                "The \"NOPE2\" variable is not set. Defaulting to a blank string."), warnings);
    }

    @Test
    void defaultWhenUnsetOrEmpty() {
        assertEquals("d d first", sub("${NOPE:-d} ${EMPTY:-d} ${FOO:-d}"));
    }

    @Test
    void defaultWhenUnsetOnly() {
        assertEquals("d  first", sub("${NOPE-d} ${EMPTY-d} ${FOO-d}"));
    }

    @Test
    void replacementWhenSetAndNonEmpty() {
        assertEquals("[] [] [r]", sub("[${NOPE:+r}] [${EMPTY:+r}] [${FOO:+r}]"));
    }

    @Test
    void replacementWhenSet() {
        assertEquals("[] [r] [r]", sub("[${NOPE+r}] [${EMPTY+r}] [${FOO+r}]"));
    }

    @Test
    void requiredPassesWhenPresent() {
        assertEquals("first first ", sub("${FOO:?x} ${FOO?x} ${EMPTY?x}"));
    }

    @Test
    void requiredFailsWithMessage() {
        ComposeException e = assertThrows(ComposeException.class, () -> sub("${NOPE:?set NOPE in .env}"));
        assertEquals("required variable NOPE is missing a value: set NOPE in .env", e.problem());
    }

    @Test
    void requiredNonEmptyFailsOnEmpty() {
        ComposeException e = assertThrows(ComposeException.class, () -> sub("${EMPTY:?}"));
        assertEquals("required variable EMPTY is missing a value", e.problem());
    }

    @Test
    void requiredMessageIsInterpolated() {
        ComposeException e = assertThrows(ComposeException.class, () -> sub("${NOPE?need $FOO}"));
        assertEquals("required variable NOPE is missing a value: need first", e.problem());
    }

    @Test
    void nestedDefaults() {
        assertEquals("x", sub("${A:-${B:-x}}"));
        assertEquals("first", sub("${A:-${FOO:-x}}"));
        assertEquals("first first", sub("${A-${FOO} $FOO}"));
    }

    @Test
    void nestedDefaultOfSetEmptyVariable() {
        assertEquals("+ok ", sub("+ok ${NOPE:-${EMPTY-defaultValue}}"));
    }

    @Test
    void severalFormsOnOneLine() {
        assertEquals("x and first and y", sub("${A:-x} and ${FOO} and ${B:-y}"));
    }

    @Test
    void operatorCharactersInsideOperandAreText() {
        assertEquals("myerror?msg", sub("${NOPE-myerror?msg}"));
        assertEquals("", sub("${NOPE+bar-baz}"));
    }

    @Test
    void defaultWithUnbalancedBraceRunsToLastBraceOfLine() {
        assertEquals("{x", sub("${NOPE:-{x}"));
    }

    @Test
    void defaultMayContainBracesOfJson() {
        assertEquals("{\"a\":1}", sub("${NOPE:-$JSON}"));
    }

    @Test
    void dollarDollarIsLiteralDollar() {
        assertEquals("$FOO ${FOO} $", sub("$$FOO $${FOO} $$"));
    }

    @Test
    void loneDollarStaysLiteral() {
        assertEquals("a $ b $1 $} ^x$", sub("a $ b $1 $} ^x$"));
    }

    @Test
    void lowercaseNamesAreVariables() {
        assertEquals("v", Interpolator.interpolate("${lower_1}", Map.of("lower_1", "v")::get));
    }

    @Test
    void invalidOpenBraceOnly() {
        ComposeException e = assertThrows(ComposeException.class, () -> sub("a ${"));
        assertTrue(e.problem().startsWith("invalid interpolation format in \"a ${\""), e.problem());
        assertTrue(e.problem().endsWith("use $$ for a literal $"), e.problem());
    }

    @Test
    void invalidUnclosed() {
        assertThrows(ComposeException.class, () -> sub("${FOO"));
        assertThrows(ComposeException.class, () -> sub("${FOO:-x"));
    }

    @Test
    void invalidEmptyName() {
        assertThrows(ComposeException.class, () -> sub("${}"));
    }

    @Test
    void invalidSpacesOrCharacters() {
        assertThrows(ComposeException.class, () -> sub("${ FOO}"));
        assertThrows(ComposeException.class, () -> sub("${FOO }"));
        assertThrows(ComposeException.class, () -> sub("${FOO!}"));
        assertThrows(ComposeException.class, () -> sub("${1A}"));
    }

    @Test
    void braceOperandDoesNotCrossLines() {
        assertThrows(ComposeException.class, () -> sub("${NOPE:-a\n}"));
        assertEquals("a\nb}", sub("${NOPE:-a}\nb}"));
    }

    @Test
    void treeInterpolatesNestedStrings() {
        Map<String, Object> out = tree("""
                services:
                  web:
                    image: "nginx:${FOO}"
                    command: [echo, "$FOO", "${NOPE:-d}"]
                    environment:
                      A: "${FOO}"
                """);
        Map<String, Object> expected = yaml("""
                services:
                  web:
                    image: "nginx:first"
                    command: [echo, first, d]
                    environment:
                      A: first
                """).root();
        assertEquals(expected, out);
    }

    @Test
    void treeKeysAreNotInterpolated() {
        Map<String, Object> out = tree("""
                services:
                  ${FOO}:
                    labels:
                      $FOO: $FOO
                """);
        assertEquals(Map.of("services", Map.of("${FOO}", Map.of("labels", Map.of("$FOO", "first")))), out);
    }

    @Test
    void treeNonStringsPassUnchanged() {
        Map<String, Object> out = tree("""
                a: 1
                b: 2.5
                c: true
                d: null
                e: "$FOO"
                """);
        assertEquals(1L, out.get("a"));
        assertEquals(2.5, out.get("b"));
        assertEquals(true, out.get("c"));
        assertTrue(out.containsKey("d") && out.get("d") == null);
        assertEquals("first", out.get("e"));
    }

    @Test
    void treeTaggedValuesAreInterpolated() {
        Map<String, Object> root = Map.of("ports", new Tagged(Tagged.Tag.OVERRIDE, List.of("${FOO}:80")),
                "x", new Tagged(Tagged.Tag.RESET, "$FOO"));
        Map<String, Object> out = Interpolator.interpolate(root, new SourceMap(FILE), LOOKUP);
        assertEquals(new Tagged(Tagged.Tag.OVERRIDE, List.of("first:80")), out.get("ports"));
        assertEquals(new Tagged(Tagged.Tag.RESET, "first"), out.get("x"));
    }

    @Test
    void treeInputIsNotModified() {
        YamlDocument doc = yaml("""
                a:
                  b: [$FOO]
                """);
        Map<String, Object> out = Interpolator.interpolate(doc.root(), doc.sources(), LOOKUP);
        assertEquals(Map.of("a", Map.of("b", List.of("$FOO"))), doc.root());
        assertEquals(Map.of("a", Map.of("b", List.of("first"))), out);
    }

    @Test
    void treeKeepsKeyOrder() {
        Map<String, Object> out = tree("""
                z: 1
                a: 2
                m: 3
                """);
        assertEquals(List.of("z", "a", "m"), List.copyOf(out.keySet()));
    }

    @Test
    void treeUnsetWarnings() {
        YamlDocument doc = yaml("a: $NOPE\n");
        List<String> warnings = new ArrayList<>();
        Interpolator.interpolate(doc.root(), doc.sources(), LOOKUP, warnings::add);
        assertEquals(List.of(Interpolator.unsetWarning("NOPE")), warnings);
    }

    @Test
    void treeRequiredErrorHasPathAndLine() {
        YamlDocument doc = yaml("""
                services:
                  db:
                    environment:
                      PASSWORD: ${DB_PASSWORD:?set it in .env}
                """);
        ComposeException e = assertThrows(ComposeException.class, () -> Interpolator.interpolate(doc.root(), doc.sources(), LOOKUP));
        assertEquals("services.db.environment.PASSWORD", e.path());
        assertEquals(4, e.location().line());
        assertEquals(FILE, e.location().file());
        assertEquals("required variable DB_PASSWORD is missing a value: set it in .env", e.problem());
    }

    @Test
    void treeInvalidFormatErrorNamesListElement() {
        YamlDocument doc = yaml("""
                services:
                  web:
                    command:
                      - echo
                      - "${"
                """);
        ComposeException e = assertThrows(ComposeException.class, () -> Interpolator.interpolate(doc.root(), doc.sources(), LOOKUP));
        assertEquals("services.web.command[1]", e.path());
        assertEquals(5, e.location().line());
        assertTrue(e.problem().startsWith("invalid interpolation format"), e.problem());
    }

    @Test
    void stringWithoutDollarIsReturnedAsIs() {
        String s = "plain";
        assertSame(s, sub(s));
    }
}
