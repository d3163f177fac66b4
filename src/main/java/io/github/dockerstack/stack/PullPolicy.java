package io.github.dockerstack.stack;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's {@code pull_policy} as compose-go reads it ({@code ServiceConfig.GetPullPolicy}): always, never, missing
 * (also "if_not_present", the default), build, and the refresh policies daily, weekly and every_&lt;duration&gt;
 * (str2duration units w, d, h, m, s, ms, us, ns, combinable: "every_1h30m").
 *
 * @param kind what to do
 * @param interval for {@link Kind#REFRESH}: how old the local image may be; else null
 * @param text the policy as written
 */
record PullPolicy(Kind kind, Duration interval, String text) {
    enum Kind { ALWAYS, NEVER, MISSING, BUILD, REFRESH }

    static final PullPolicy MISSING = new PullPolicy(Kind.MISSING, null, "missing");

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h|d|w)");
    private static final Map<String, Long> NANOS = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L, "d", 86_400_000_000_000L, "w", 604_800_000_000_000L);

    /**
     * The policy {@code text} stands for; null for none set. Unknown words mean "missing", as in compose-go, and are
     * reported by {@link #known()}.
     *
     * @throws IllegalArgumentException for every_ with a duration that cannot be read
     */
    static PullPolicy parse(String text) {
        if (text == null) {
            return MISSING;
        }
        String t = text.trim();
        return switch (t) {
            case "always" -> new PullPolicy(Kind.ALWAYS, null, t);
            case "never" -> new PullPolicy(Kind.NEVER, null, t);
            case "missing", "if_not_present" -> new PullPolicy(Kind.MISSING, null, t);
            case "build" -> new PullPolicy(Kind.BUILD, null, t);
            case "daily" -> new PullPolicy(Kind.REFRESH, Duration.ofDays(1), t);
            case "weekly" -> new PullPolicy(Kind.REFRESH, Duration.ofDays(7), t);
            default -> t.startsWith("every_") ? new PullPolicy(Kind.REFRESH, duration(t.substring(6)), t) : new PullPolicy(Kind.MISSING, null, t);
        };
    }

    /** False for a word compose-go does not know (treated as "missing"). */
    boolean known() {
        return kind != Kind.MISSING || text.equals("missing") || text.equals("if_not_present");
    }

    static Duration duration(String text) {
        Matcher m = PART.matcher(text);
        int at = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (at < text.length() && m.find(at) && m.start() == at) {
            nanos = nanos.add(new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1))
                    .multiply(BigDecimal.valueOf(NANOS.get(m.group(2).toLowerCase(Locale.ROOT)))));
            at = m.end();
        }
        if (text.isEmpty() || at != text.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (a number and a unit, w, d, h, m or s, repeated: 12h, 1d12h)");
        }
        return Duration.ofNanos(nanos.longValue());
    }
}
