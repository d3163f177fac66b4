package io.github.dockerstack.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.load.ComposeException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** --since as the Docker CLI reads it. */
class SinceTest {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris"); // UTC+2 in May

    static Instant since(String text) {
        return Since.parse(text, NOW, PARIS);
    }

    @Test
    void blankMeansNoLimit() {
        assertNull(since(null));
        assertNull(since("  "));
    }

    @Test
    void goDurationsCountBackFromNow() {
        assertEquals(Instant.parse("2024-05-01T11:50:00Z"), since("10m"));
        assertEquals(Instant.parse("2024-05-01T10:30:00Z"), since("1h30m"));
        assertEquals(Instant.parse("2024-05-01T10:30:00Z"), since("1.5h"));
        assertEquals(Instant.parse("2024-05-01T11:59:59.500Z"), since("500ms"));
        assertEquals(Instant.parse("2024-05-01T11:59:58Z"), since("2s"));
    }

    @Test
    void rfc3339TimestampsWithZone() {
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), since("2024-05-01T10:00:00Z"));
        assertEquals(Instant.parse("2024-05-01T08:00:00Z"), since("2024-05-01T10:00:00+02:00"));
        assertEquals(Instant.parse("2024-05-01T10:00:00.123456789Z"), since("2024-05-01T10:00:00.123456789Z"));
        assertEquals(Instant.parse("2024-05-01T10:05:00Z"), since("2024-05-01T10:05Z"), "minutes only");
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), since("2024-05-01T10Z"), "hours only");
    }

    @Test
    void withoutZoneTheTimeIsLocal() {
        assertEquals(Instant.parse("2024-05-01T08:00:00Z"), since("2024-05-01T10:00:00"));
        assertEquals(Instant.parse("2024-05-01T08:30:00Z"), since("2024-05-01T10:30"));
        assertEquals(Instant.parse("2024-04-30T22:00:00Z"), since("2024-05-01"), "a date is its local midnight");
    }

    @Test
    void unixSeconds() {
        assertEquals(Instant.ofEpochSecond(1714557600), since("1714557600"));
        assertEquals(Instant.ofEpochSecond(1714557600, 500_000_000), since("1714557600.5"));
        assertEquals(Instant.EPOCH, since("0"), "0 is the epoch, not a zero duration");
    }

    @Test
    void anythingElseIsAUserErrorThatShowsTheForms() {
        for (String bad : new String[] {"yesterday", "10x", "2024-13-01", "2024-05-01T25:00:00Z", "1h-5m", "99999999999999999999"}) {
            ComposeException e = assertThrows(ComposeException.class, () -> since(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "' is neither a duration before now (10m, 1h30m) nor a timestamp"),
                    e.getMessage());
        }
    }
}
