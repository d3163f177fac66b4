package io.github.dockerstack.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GoFormatTest {
    @Test
    void durationsPrintLikeGo() {
        assertEquals("0s", GoNumbers.duration(Duration.ZERO));
        assertEquals("10s", GoNumbers.duration(Duration.ofSeconds(10)));
        assertEquals("1m30s", GoNumbers.duration(Duration.ofSeconds(90)));
        assertEquals("1.5s", GoNumbers.duration(Duration.ofMillis(1500)));
        assertEquals("1m1.5s", GoNumbers.duration(Duration.ofMillis(61_500)));
        assertEquals("500ms", GoNumbers.duration(Duration.ofMillis(500)));
        assertEquals("1.5ms", GoNumbers.duration(Duration.ofNanos(1_500_000)));
        assertEquals("1.5\u00b5s", GoNumbers.duration(Duration.ofNanos(1_500)));
        assertEquals("100ns", GoNumbers.duration(Duration.ofNanos(100)));
        assertEquals("1h0m0s", GoNumbers.duration(Duration.ofHours(1)));
        assertEquals("48h0m0s", GoNumbers.duration(Duration.ofDays(2)));
        assertEquals("2h30m5s", GoNumbers.duration(Duration.ofSeconds(9005)));
        assertEquals("-1m30s", GoNumbers.duration(Duration.ofSeconds(-90)));
    }

    @Test
    void floatsPrintLikeGoEncoders() {
        assertEquals("2", GoNumbers.yamlFloat(2.0, true));
        assertEquals("0.1", GoNumbers.yamlFloat(0.1, true));
        assertEquals("1e+06", GoNumbers.yamlFloat(1e6, false));
        assertEquals("123456", GoNumbers.yamlFloat(123456, false));
        assertEquals("1e-05", GoNumbers.yamlFloat(0.00001, false));
        assertEquals(".inf", GoNumbers.yamlFloat(Double.POSITIVE_INFINITY, false));
        assertEquals("1000000", GoNumbers.jsonFloat(1e6, false));
        assertEquals("1e-7", GoNumbers.jsonFloat(1e-7, false));
        assertEquals("1e+21", GoNumbers.jsonFloat(1e21, false));
        assertEquals("-2.5", GoNumbers.jsonFloat(-2.5, false));
        assertEquals("0.3", GoNumbers.jsonFloat(0.3, true));
        assertEquals("0", GoNumbers.jsonFloat(0, false));
    }

    @Test
    void yamlKeyOrderIsNatural() {
        List<String> keys = Stream.of("web10", "web9", "web", "Web", "a_b", "ab", "a1b", "a01", "a1", "8080", "x-y")
                .sorted(GoKeys.NATURAL).toList();
        assertEquals(List.of("8080", "Web", "a_b", "a1", "a1b", "a01", "ab", "web", "web9", "web10", "x-y"), keys);
    }

    @Test
    void jsonKeyOrderIsByBytes() {
        List<String> keys = Stream.of("web10", "web9", "Web", "a_b", "ab", "\u00e9", "z").sorted(GoKeys.BYTES).toList();
        assertEquals(List.of("Web", "a_b", "ab", "web10", "web9", "z", "\u00e9"), keys);
    }

    @Test
    void doubleQuotesWhatWouldReadBackAsAnotherType() {
        for (String s : List.of("", "8080", "-1", "+5", "1.5", ".5", "1e3", "0x1F", "0o17", "0b101", "1_000", "09", "true", "False",
                "null", "~", "yes", "Off", "y", ".inf", "-.Inf", ".nan", "1:20", "2024-01-02", "2001-12-14t21:59:43.10-05:00", "<<")) {
            assertTrue(GoYamlScalars.needsDoubleQuotes(s), s);
        }
        for (String s : List.of("nginx:1.25", "1.2.3", "8080:80", "abc", "-g", "yess", "0x", "1m30s", "10.0.0.1")) {
            assertFalse(GoYamlScalars.needsDoubleQuotes(s), s);
        }
    }
}
