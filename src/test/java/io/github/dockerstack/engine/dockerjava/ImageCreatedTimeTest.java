package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The engine's image "Created" field, read by {@link ImageJson#instant}. */
class ImageCreatedTimeTest {
    @Test
    void readsNanosecondPrecisionUtc() {
        assertEquals(Instant.parse("2024-01-02T03:04:05.123456789Z"), ImageJson.instant("2024-01-02T03:04:05.123456789Z"));
    }

    @Test
    void readsAnOffset() {
        assertEquals(Instant.parse("2024-01-02T01:04:05Z"), ImageJson.instant("2024-01-02T03:04:05+02:00"));
    }

    @Test
    void absentOrUnreadableIsUnknown() {
        assertNull(ImageJson.instant(null));
        assertNull(ImageJson.instant(""));
        assertNull(ImageJson.instant("yesterday"));
    }
}
