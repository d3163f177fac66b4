package io.github.dockerstack.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.engine.RegistryAuth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registry credentials from config.json, credential helpers and Maven servers. */
class CredentialsTest {
    @TempDir
    Path config;
    @TempDir
    Path bin;

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private void configJson(String json) throws IOException {
        Files.writeString(config.resolve("config.json"), json);
    }

    /** A fake docker-credential-NAME: answers for SERVER with USER/SECRET, "not found" otherwise; logs the URL it was asked for. */
    private void helper(String name, String server, String user, String secret) throws IOException {
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, """
                #!/bin/sh
                if [ "$1" = list ]; then printf '{"%s":"%s"}\n'; exit 0; fi
                [ "$1" = get ] || exit 2
                read -r url || true
                echo "$url" >> "%s"
                if [ "$url" = "%s" ]; then
                  printf '{"ServerURL":"%%s","Username":"%s","Secret":"%s"}\\n' "$url"
                else
                  echo "credentials not found in native keychain"; exit 1
                fi
                """.formatted(server, user, bin.resolve(name + ".log"), server, user, secret));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Credentials credentials(Map<String, ServerCredentials> maven) {
        return new Credentials(config, maven, List.of(bin));
    }

    // ---------------------------------------------------------------- config.json auths

    @Test
    void aBase64AuthEntryIsDecoded() throws IOException {
        configJson("{\"auths\": {\"127.0.0.1:5000\": {\"auth\": \"" + b64("alice:s3cr:et") + "\"}}}");
        RegistryAuth auth = credentials(Map.of()).forImage("127.0.0.1:5000/app:1").orElseThrow();
        assertEquals("alice", auth.username());
        assertEquals("s3cr:et", auth.password(), "only the first colon separates");
        assertEquals("127.0.0.1:5000", auth.serverAddress());
    }

    @Test
    void usernameAndPasswordFieldsWork() throws IOException {
        configJson("{\"auths\": {\"registry.example.com\": {\"username\": \"bob\", \"password\": \"pw\"}}}");
        RegistryAuth auth = credentials(Map.of()).forRegistry("registry.example.com").orElseThrow();
        assertEquals("bob", auth.username());
        assertEquals("pw", auth.password());
    }

    @Test
    void anIdentityTokenIsPassedOn() throws IOException {
        configJson("{\"auths\": {\"registry.example.com\": {\"auth\": \"" + b64("carol:") + "\", \"identitytoken\": \"tok\"}}}");
        RegistryAuth auth = credentials(Map.of()).forRegistry("registry.example.com").orElseThrow();
        assertEquals("tok", auth.identityToken());
        assertEquals("carol", auth.username());
    }

    @Test
    void aUrlKeyMatchesByItsHost() throws IOException {
        configJson("{\"auths\": {\"https://127.0.0.1:5000/v2/\": {\"auth\": \"" + b64("a:b") + "\"}}}");
        assertEquals("a", credentials(Map.of()).forImage("127.0.0.1:5000/x").orElseThrow().username());
    }

    @Test
    void dockerHubUsesItsLegacyServerAddress() throws IOException {
        configJson("{\"auths\": {\"https://index.docker.io/v1/\": {\"auth\": \"" + b64("hub:pw") + "\"}}}");
        RegistryAuth auth = credentials(Map.of()).forImage("busybox").orElseThrow();
        assertEquals("hub", auth.username());
        assertEquals("https://index.docker.io/v1/", auth.serverAddress());
    }

    @Test
    void anotherRegistryGetsNothing() throws IOException {
        configJson("{\"auths\": {\"127.0.0.1:5000\": {\"auth\": \"" + b64("a:b") + "\"}}}");
        assertEquals(Optional.empty(), credentials(Map.of()).forImage("127.0.0.1:5001/x"));
        assertEquals(Optional.empty(), credentials(Map.of()).forImage("busybox"));
    }

    @Test
    void noConfigFileMeansNoCredentials() {
        assertEquals(Optional.empty(), credentials(Map.of()).forImage("127.0.0.1:5000/x"));
    }

    @Test
    void badBase64IsAUserErrorWithoutTheSecret() throws IOException {
        configJson("{\"auths\": {\"r.example\": {\"auth\": \"%%%secret%%%\"}}}");
        CredentialsException e = assertThrows(CredentialsException.class, () -> credentials(Map.of()).forRegistry("r.example"));
        assertTrue(e.getMessage().contains("auths.r.example.auth is not base64"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void malformedJsonIsAUserError() throws IOException {
        configJson("{\"auths\": ");
        CredentialsException e = assertThrows(CredentialsException.class, () -> credentials(Map.of()));
        assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    @Test
    void credsStoreAsksTheHelperWithTheServerUrlOnStdin() throws IOException {
        helper("fake", "127.0.0.1:5000", "dave", "helper-secret");
        configJson("{\"auths\": {\"127.0.0.1:5000\": {}}, \"credsStore\": \"fake\"}");
        Credentials.Found found = credentials(Map.of()).lookup("127.0.0.1:5000").orElseThrow();
        assertEquals("dave", found.auth().username());
        assertEquals("helper-secret", found.auth().password());
        assertEquals("credential helper docker-credential-fake", found.origin());
        assertEquals("127.0.0.1:5000\n", Files.readString(bin.resolve("fake.log")));
    }

    @Test
    void credsStoreAsksForDockerHubByItsLegacyUrl() throws IOException {
        helper("fake", "https://index.docker.io/v1/", "hub", "pw");
        configJson("{\"credsStore\": \"fake\"}");
        assertEquals("hub", credentials(Map.of()).forImage("library/busybox:1").orElseThrow().username());
    }

    @Test
    void aHelperWithoutAnEntryMeansNoCredentials() throws IOException {
        helper("fake", "other:1", "x", "y");
        configJson("{\"credsStore\": \"fake\"}");
        assertEquals(Optional.empty(), credentials(Map.of()).forRegistry("127.0.0.1:5000"));
    }

    @Test
    void credHelpersWinOverCredsStoreForTheirRegistry() throws IOException {
        helper("store", "127.0.0.1:5000", "from-store", "1");
        helper("special", "127.0.0.1:5000", "from-special", "2");
        configJson("{\"credsStore\": \"store\", \"credHelpers\": {\"127.0.0.1:5000\": \"special\"}}");
        assertEquals("from-special", credentials(Map.of()).forRegistry("127.0.0.1:5000").orElseThrow().username());
        assertEquals(Optional.empty(), credentials(Map.of()).forRegistry("127.0.0.1:5001"));
    }

    @Test
    void allGathersConfigJsonHelpersAndMavenServers() throws IOException {
        helper("special", "special.example", "from-special", "s2");
        configJson("{\"auths\": {\"r.example\": {\"auth\": \"" + b64("ann:pw") + "\"}}, \"credHelpers\": {\"special.example\": \"special\"}}");
        Map<String, RegistryAuth> all = credentials(Map.of("maven.example", new ServerCredentials("mvn", "m1"))).all();
        assertEquals(List.of("r.example", "special.example", "maven.example"), List.copyOf(all.keySet()));
        assertEquals("ann", all.get("r.example").username());
        assertEquals("s2", all.get("special.example").password());
        assertEquals("mvn", all.get("maven.example").username());
    }

    @Test
    void withACredsStoreAllIsWhatItLists() throws IOException {
        helper("store", "127.0.0.1:5000", "from-store", "s1");
        // as the Docker CLI: with a credsStore, the store holds the credentials and auths only names registries
        configJson("{\"auths\": {\"r.example\": {}}, \"credsStore\": \"store\"}");
        Map<String, RegistryAuth> all = credentials(Map.of()).all();
        assertEquals(List.of("127.0.0.1:5000"), List.copyOf(all.keySet()));
        assertEquals("from-store", all.get("127.0.0.1:5000").username());
    }

    @Test
    void aTokenUserMeansAnIdentityToken() throws IOException {
        helper("fake", "r.example", "<token>", "refresh-token");
        configJson("{\"credHelpers\": {\"r.example\": \"fake\"}}");
        RegistryAuth auth = credentials(Map.of()).forRegistry("r.example").orElseThrow();
        assertNull(auth.username());
        assertEquals("refresh-token", auth.identityToken());
    }

    @Test
    void aMissingHelperIsAUserErrorNamingIt() throws IOException {
        configJson("{\"credsStore\": \"desktop\"}");
        CredentialsException e = assertThrows(CredentialsException.class, () -> credentials(Map.of()).forRegistry("r.example"));
        assertTrue(e.getMessage().contains("docker-credential-desktop is not on the PATH"), e.getMessage());
    }

    @Test
    void aFailingHelperIsAUserError() throws IOException {
        Path script = bin.resolve("docker-credential-broken");
        Files.writeString(script, "#!/bin/sh\necho 'gpg: decryption failed' >&2\nexit 3\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        configJson("{\"credsStore\": \"broken\"}");
        CredentialsException e = assertThrows(CredentialsException.class, () -> credentials(Map.of()).forRegistry("r.example"));
        assertTrue(e.getMessage().contains("docker-credential-broken get failed for r.example (exit 3): gpg: decryption failed"), e.getMessage());
    }

    // ---------------------------------------------------------------- Maven servers

    @Test
    void aMavenServerNamedByTheRegistryComesFirst() throws IOException {
        configJson("{\"auths\": {\"127.0.0.1:5000\": {\"auth\": \"" + b64("docker:x") + "\"}}}");
        Credentials.Found found = credentials(Map.of("127.0.0.1:5000", new ServerCredentials("maven", "pw"))).lookup("127.0.0.1:5000")
                .orElseThrow();
        assertEquals("maven", found.auth().username());
        assertEquals("Maven settings server '127.0.0.1:5000'", found.origin());
    }

    @Test
    void aMavenServerWithoutPortServesEveryPort() {
        Credentials c = credentials(Map.of("registry.example.com", new ServerCredentials("any", "1")));
        assertEquals("any", c.forImage("registry.example.com:5000/app").orElseThrow().username());
        assertEquals("registry.example.com:5000", c.forImage("registry.example.com:5000/app").orElseThrow().serverAddress());
    }

    @Test
    void aMavenServerWithThePortWinsOverOneWithout() {
        Credentials c = credentials(Map.of("registry.example.com", new ServerCredentials("any", "1"),
                "registry.example.com:5000", new ServerCredentials("exact", "2")));
        assertEquals("exact", c.forImage("registry.example.com:5000/app").orElseThrow().username());
    }

    @Test
    void aMavenServerWithAPortDoesNotServeAnotherPort() {
        Credentials c = credentials(Map.of("registry.example.com:5000", new ServerCredentials("exact", "2")));
        assertEquals(Optional.empty(), c.forImage("registry.example.com:6000/app"));
    }

    @Test
    void anyDockerHubAliasServesDockerHub() {
        for (String id : List.of("docker.io", "index.docker.io", "registry-1.docker.io", "https://index.docker.io/v1/")) {
            RegistryAuth auth = credentials(Map.of(id, new ServerCredentials("hub-" + id, "pw"))).forImage("busybox").orElseThrow();
            assertEquals("hub-" + id, auth.username());
            assertEquals("https://index.docker.io/v1/", auth.serverAddress());
        }
    }

    // ---------------------------------------------------------------- no secret in text

    @Test
    void toStringsHideSecrets() throws IOException {
        configJson("{\"auths\": {\"r.example\": {\"auth\": \"" + b64("u:topsecret") + "\"}}}");
        Credentials c = credentials(Map.of("m.example", new ServerCredentials("u", "topsecret")));
        RegistryAuth auth = c.forRegistry("r.example").orElseThrow();
        for (String text : List.of(auth.toString(), c.toString(), new ServerCredentials("u", "topsecret").toString(),
                new RegistryAuth("s", "u", "topsecret", "topsecret", "topsecret").toString())) {
            assertFalse(text.contains("topsecret"), text);
        }
    }
}
