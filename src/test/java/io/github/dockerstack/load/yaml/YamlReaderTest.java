package io.github.dockerstack.load.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.load.ComposeException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    private static final Path FILE = Path.of("/p/compose.yaml");

    private static YamlDocument read(String yaml) {
        List<YamlDocument> docs = YamlReader.read(FILE, yaml);
        assertEquals(1, docs.size());
        return docs.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(YamlDocument doc, String name) {
        return (Map<String, Object>) ((Map<String, Object>) doc.root().get("services")).get(name);
    }

    @Test
    void scalarsFollowTheYaml12CoreSchema() {
        YamlDocument doc = read("""
                services:
                  a:
                    environment:
                      INT: 12
                      HEX: 0x1F
                      MODE: 0440
                      FLOAT: 1.5
                      BOOL: true
                      YES_IS_A_STRING: yes
                      QUOTED: "12"
                      EMPTY:
                      TILDE: ~
                """);
        Map<?, ?> env = (Map<?, ?>) service(doc, "a").get("environment");
        assertEquals(12L, env.get("INT"));
        assertEquals(31L, env.get("HEX"));
        assertEquals(288L, env.get("MODE"), "a leading zero is octal, as in compose's YAML library");
        assertEquals(1.5, env.get("FLOAT"));
        assertEquals(Boolean.TRUE, env.get("BOOL"));
        assertEquals("yes", env.get("YES_IS_A_STRING"));
        assertEquals("12", env.get("QUOTED"));
        assertNull(env.get("EMPTY"));
        assertTrue(env.containsKey("TILDE"));
    }

    @Test
    void recordsLineAndColumnOfEveryPath() {
        YamlDocument doc = read("""
                services:
                  web:
                    image: nginx
                    ports:
                      - "80:80"
                      - 443
                """);
        Location port = doc.sources().locate("services.web.ports[1]");
        assertEquals(6, port.line());
        assertEquals(9, port.column());
        assertEquals(FILE, port.file());
        // a path no stage recorded is located through its ancestor
        assertEquals(5, doc.sources().locate("services.web.ports[0].target").line());
    }

    @Test
    void rejectsDuplicateKeysNamingBothLines() {
        ComposeException e = assertThrows(ComposeException.class, () -> read("""
                services:
                  web:
                    image: nginx
                    image: httpd
                """));
        assertEquals(4, e.location().line());
        assertEquals("services.web.image", e.path());
        assertTrue(e.getMessage().contains("first at line 3"), e.getMessage());
    }

    @Test
    void expandsAnchorsAliasesAndMergeKeys() {
        YamlDocument doc = read("""
                x-base: &base
                  image: app
                  environment: &env
                    A: "1"
                services:
                  one:
                    <<: *base
                    image: own
                  two:
                    <<: *base
                    environment: *env
                """);
        assertEquals("own", service(doc, "one").get("image"), "explicit keys win over merged ones");
        assertEquals(Map.of("A", "1"), service(doc, "one").get("environment"));
        assertEquals("app", service(doc, "two").get("image"));
    }

    @Test
    void mergeKeyListGivesEarlierSourcesPrecedence() {
        YamlDocument doc = read("""
                x-a: &a {image: a, user: ua}
                x-b: &b {image: b, hostname: hb}
                services:
                  s:
                    <<: [*a, *b]
                """);
        Map<String, Object> s = service(doc, "s");
        assertEquals("a", s.get("image"));
        assertEquals("ua", s.get("user"));
        assertEquals("hb", s.get("hostname"));
    }

    @Test
    void keepsResetAndOverrideTags() {
        YamlDocument doc = read("""
                services:
                  web:
                    ports: !reset []
                    environment: !override
                      A: b
                """);
        Tagged reset = assertInstanceOf(Tagged.class, service(doc, "web").get("ports"));
        assertEquals(Tagged.Tag.RESET, reset.tag());
        Tagged override = assertInstanceOf(Tagged.class, service(doc, "web").get("environment"));
        assertEquals(Tagged.Tag.OVERRIDE, override.tag());
        assertEquals(Map.of("A", "b"), override.value());
    }

    @Test
    void rejectsUnknownTags() {
        ComposeException e = assertThrows(ComposeException.class, () -> read("services:\n  web:\n    image: !secret x\n"));
        assertEquals("services.web.image", e.path());
        assertTrue(e.getMessage().contains("!reset and !override"));
    }

    @Test
    void syntaxErrorsNameTheLine() {
        ComposeException e = assertThrows(ComposeException.class, () -> read("services:\n  web:\n    image: [nginx\n    ports: 1\n"));
        assertTrue(e.location().line() >= 3, e.getMessage());
        assertTrue(e.getMessage().startsWith("/p/compose.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
    }

    @Test
    void topLevelMustBeAMapping() {
        ComposeException e = assertThrows(ComposeException.class, () -> read("- a\n- b\n"));
        assertTrue(e.getMessage().contains("top level must be a mapping"));
    }

    @Test
    void plainVariableReferencesAreStrings() {
        YamlDocument doc = read("services:\n  a:\n    image: ${IMAGE}\n    user: ${UID:-1000}\n");
        assertEquals("${IMAGE}", service(doc, "a").get("image"));
        assertEquals("${UID:-1000}", service(doc, "a").get("user"));
    }
}
