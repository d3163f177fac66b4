package io.github.dockerstack.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Image references normalised as the Docker CLI does. */
class ImageReferenceTest {
    private static final String DIGEST = "sha256:" + "a".repeat(64);

    @Test
    void aBareNameIsAnOfficialDockerHubImageWithTagLatest() {
        ImageReference r = ImageReference.parse("busybox");
        assertEquals("docker.io", r.registry());
        assertEquals("library/busybox", r.path());
        assertNull(r.tag());
        assertEquals("latest", r.tagOrDigest());
        assertEquals("busybox:latest", r.familiar());
        assertEquals("docker.io/library/busybox:latest", r.toString());
        assertTrue(r.dockerHub());
    }

    @Test
    void aUserRepositoryStaysOnDockerHubWithoutLibrary() {
        ImageReference r = ImageReference.parse("team/app:1.0");
        assertEquals("docker.io", r.registry());
        assertEquals("team/app", r.path());
        assertEquals("1.0", r.tag());
        assertEquals("team/app:1.0", r.familiar());
    }

    @Test
    void aFirstComponentWithADotIsARegistry() {
        ImageReference r = ImageReference.parse("ghcr.io/org/app:2");
        assertEquals("ghcr.io", r.registry());
        assertEquals("org/app", r.path());
        assertFalse(r.dockerHub());
    }

    @Test
    void aPortMakesARegistryAndIsNotATag() {
        ImageReference r = ImageReference.parse("127.0.0.1:5000/busybox");
        assertEquals("127.0.0.1:5000", r.registry());
        assertEquals("busybox", r.path());
        assertNull(r.tag());
        assertEquals("127.0.0.1:5000/busybox:latest", r.familiar());
    }

    @Test
    void localhostIsARegistry() {
        assertEquals("localhost", ImageReference.parse("localhost/app").registry());
    }

    @Test
    void indexDockerIoIsDockerHub() {
        ImageReference r = ImageReference.parse("index.docker.io/busybox:1");
        assertEquals("docker.io", r.registry());
        assertEquals("library/busybox", r.path());
        assertEquals("busybox:1", r.familiar());
    }

    @Test
    void docker_ioLibraryIsShortenedInTheFamiliarForm() {
        assertEquals("busybox:latest", ImageReference.parse("docker.io/library/busybox").familiar());
    }

    @Test
    void aDigestIsKeptAndWinsOverTheTag() {
        ImageReference r = ImageReference.parse("127.0.0.1:5000/app:1@" + DIGEST);
        assertEquals("1", r.tag());
        assertEquals(DIGEST, r.digest());
        assertEquals(DIGEST, r.tagOrDigest());
        assertEquals("127.0.0.1:5000/app@" + DIGEST, r.familiar());
    }

    @Test
    void upperCaseRepositoriesAreRefused() {
        ImageReferenceException e = assertThrows(ImageReferenceException.class, () -> ImageReference.parse("Team/App"));
        assertTrue(e.getMessage().contains("must be lowercase"), e.getMessage());
    }

    @Test
    void aBadTagIsRefused() {
        assertThrows(ImageReferenceException.class, () -> ImageReference.parse("app:-1"));
    }

    @Test
    void aShortDigestIsRefused() {
        assertThrows(ImageReferenceException.class, () -> ImageReference.parse("app@sha256:abc"));
    }

    @Test
    void anEmptyReferenceIsRefused() {
        assertThrows(ImageReferenceException.class, () -> ImageReference.parse(" "));
    }
}
