package io.github.dockerstack.stack;

import io.github.dockerstack.load.ComposeException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --since} value of {@code docker compose logs}, read as the Docker CLI reads it: a Go
 * duration before now ({@code 10m}, {@code 1h30m}, {@code 1.5h}); an RFC 3339 timestamp, also
 * shortened to minutes, hours or the date ({@code 2024-05-01T10:00:00Z},
 * {@code 2024-05-01T10:00+02:00}, {@code 2024-05-01}), in local time when it has no zone; or Unix
 * seconds ({@code 1714557600}, {@code 1714557600.5}).
 */
final class Since {
    private static final Pattern DURATION = Pattern.compile("([+-]?)((?:(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");
    private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final Pattern UNIX = Pattern.compile("(\\d+)(?:\\.(\\d{1,9}))?");
    /** A date, optionally a time of hours, minutes or seconds (with a fraction), optionally a zone offset. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').appendValue(ChronoField.HOUR_OF_DAY, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd().optionalEnd().optionalEnd()
            .optionalStart().appendOffsetId().optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0).parseDefaulting(ChronoField.NANO_OF_SECOND, 0)
            .toFormatter();

    private Since() {
    }

    /** The instant {@code text} names, durations counted back from {@code now}; null for a blank value. */
    static Instant parse(String text, Instant now, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            Matcher d = DURATION.matcher(value);
            if (!value.equals("0") && d.matches()) {
                BigDecimal nanos = BigDecimal.ZERO;
                Matcher part = PART.matcher(d.group(2));
                while (part.find()) {
                    String number = part.group(1).endsWith(".") ? part.group(1) + "0" : part.group(1);
                    nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(NANOS.get(part.group(2)))));
                }
                long back = nanos.setScale(0, RoundingMode.DOWN).longValueExact();
                return now.minusNanos("-".equals(d.group(1)) ? -back : back);
            }
            Matcher unix = UNIX.matcher(value);
            if (unix.matches()) {
                String fraction = unix.group(2) == null ? "0" : (unix.group(2) + "00000000").substring(0, 9);
                return Instant.ofEpochSecond(Long.parseLong(unix.group(1)), Long.parseLong(fraction));
            }
            TemporalAccessor t = TIMESTAMP.parse(value.replace('z', 'Z').replace('t', 'T'));
            LocalDateTime local = LocalDateTime.from(t);
            return t.isSupported(ChronoField.OFFSET_SECONDS) ? local.toInstant(ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)))
                    : local.atZone(zone).toInstant();
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw new ComposeException("docker-stack.since: '" + text + "' is neither a duration before now (10m, 1h30m) nor a timestamp"
                    + " (2024-05-01T10:00:00Z, 2024-05-01T10:00:00 in local time, 2024-05-01) nor Unix seconds; use one of these forms.");
        }
    }
}
