package io.github.dockerstack.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Dockerfile syntax the classic builder cannot build. */
class BuildKitFeaturesTest {

    private static List<BuildKitFeatures.Finding> check(String dockerfile) {
        return BuildKitFeatures.check(Dockerfile.parse("app/Dockerfile", dockerfile));
    }

    private static BuildKitFeatures.Finding only(String dockerfile) {
        List<BuildKitFeatures.Finding> findings = check(dockerfile);
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    @Test
    void aPlainDockerfileHasNoFindings() {
        assertEquals(List.of(), check("""
                FROM busybox:latest AS build
                ARG VERSION=1
                RUN echo $VERSION > /v
                COPY --from=build --chown=1:1 /v /v
                ADD a.tar.gz /opt/
                """));
    }

    @Test
    void runMountIsAnErrorWithFileAndLine() {
        BuildKitFeatures.Finding f = only("FROM busybox:latest\n\nRUN --mount=type=cache,target=/root/.m2 mvn package\n");
        assertEquals(BuildKitFeatures.Severity.ERROR, f.severity());
        assertEquals("RUN --mount", f.feature());
        assertEquals(3, f.line());
        assertTrue(f.toString().startsWith("app/Dockerfile:3: RUN --mount needs BuildKit; the plugin builds through docker-java, which drives"
                + " the engine's classic builder"), f.toString());
    }

    @Test
    void runNetworkIsAnError() {
        assertEquals("RUN --network", only("FROM x\nRUN --network=none true\n").feature());
    }

    @Test
    void runSecurityIsAnError() {
        assertEquals("RUN --security", only("FROM x\nRUN --security=insecure true\n").feature());
    }

    @Test
    void copyChmodIsAnErrorOnEveryEngine() {
        BuildKitFeatures.Finding f = only("FROM x\nCOPY --chmod=755 run.sh /run.sh\n");
        assertEquals("COPY --chmod", f.feature());
        assertTrue(f.message().contains("RUN chmod"), f.message());
    }

    @Test
    void copyLinkIsAnError() {
        assertEquals("COPY --link", only("FROM x\nCOPY --link a /a\n").feature());
    }

    @Test
    void addChecksumIsAnError() {
        assertEquals("ADD --checksum", only("FROM x\nADD --checksum=sha256:abc https://example.org/a /a\n").feature());
    }

    @Test
    void heredocsAreAnError() {
        BuildKitFeatures.Finding f = only("FROM x\nRUN <<EOF\necho hi\nEOF\n");
        assertEquals("RUN <<EOF", f.feature());
        assertEquals(2, f.line());
    }

    @Test
    void aSyntaxDirectiveIsAWarning() {
        BuildKitFeatures.Finding f = only("# syntax=docker/dockerfile:1.7\nFROM x\n");
        assertEquals(BuildKitFeatures.Severity.WARNING, f.severity());
        assertEquals(1, f.line());
        assertTrue(f.message().contains("ignores it"), f.message());
    }

    @Test
    void fromPlatformWithBuildPlatformIsAnError() {
        BuildKitFeatures.Finding f = only("FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n");
        assertEquals(BuildKitFeatures.Severity.ERROR, f.severity());
    }

    @Test
    void anAutomaticPlatformArgIsAWarning() {
        BuildKitFeatures.Finding f = only("FROM x\nARG TARGETARCH\nRUN echo $TARGETARCH\n");
        assertEquals(BuildKitFeatures.Severity.WARNING, f.severity());
        assertEquals("ARG TARGETARCH", f.feature());
    }

    @Test
    void findingsComeInLineOrderAndLaterLinesAreStillFound() {
        List<BuildKitFeatures.Finding> findings = check("""
                FROM x
                RUN <<EOF
                RUN --mount=type=cache,target=/x this is heredoc text, not an instruction
                EOF
                COPY --chmod=644 a /a
                """);
        assertEquals(List.of(2, 5), findings.stream().map(BuildKitFeatures.Finding::line).toList());
    }
}
