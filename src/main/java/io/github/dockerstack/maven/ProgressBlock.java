package io.github.dockerstack.maven;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Progress on a terminal, as {@code docker compose up} shows it: one line per container, network, volume
 * or image, rewritten in place as its state changes ({@code Created}, then {@code Started}, then
 * {@code Healthy}), with the time each step took; a row that is still going ({@code Waiting}) shows its
 * time so far, ticking. Other lines (warnings, the summary) go above the block, which is drawn again below them. In CI ({@code -B}, no terminal) the same progress comes as
 * plain lines instead; see {@link AbstractStackMojo}.
 */
final class ProgressBlock {
    /** "Container shop-web-1  Started  0.3s": the object, two spaces, its new state. */
    private static final Pattern STEP = Pattern.compile("((?:Container|Network|Volume|Image) \\S+)  (.+)");
    private static final String UP = "\u001b[%dA";
    private static final String CLEAR_LINE = "\u001b[2K";
    private static final String CLEAR_BELOW = "\u001b[J";

    /** A state still in progress, whose time is counted until the next state ("Running" is a final one). */
    private static final Pattern GOING = Pattern.compile("Waiting|Pulling|Building|Starting|Stopping");
    private static final long TICK_MILLIS = 200;

    private final PrintStream out;
    private final String linePrefix;
    private final LongSupplier nanoTime;
    private final Map<String, String> rows = new LinkedHashMap<>();
    /** When each row entered its ongoing state. */
    private final Map<String, Long> since = new LinkedHashMap<>();
    private int drawn;
    private final boolean ticks;
    private ScheduledExecutorService ticker;

    /** @param linePrefix what starts every row, e.g. Maven's {@code [INFO] } */
    ProgressBlock(PrintStream out, String linePrefix) {
        this(out, linePrefix, System::nanoTime, true);
    }

    /** @param tick whether a thread redraws ongoing rows (tests call {@link #tick()} themselves) */
    ProgressBlock(PrintStream out, String linePrefix, LongSupplier nanoTime, boolean tick) {
        this.out = out;
        this.linePrefix = linePrefix;
        this.nanoTime = nanoTime;
        this.ticks = tick;
    }

    private void startTicking() {
        if (ticks && ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "docker-stack-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Rewrites the rows still going, with their time so far. */
    synchronized void tick() {
        if (drawn != rows.size()) {
            return;
        }
        for (String key : since.keySet()) {
            redrawRow(key);
        }
    }

    /** Takes a progress message into the block; false when it is not a step (the caller prints it with {@link #above}). */
    synchronized boolean step(String message) {
        Matcher m = STEP.matcher(message);
        if (!m.matches()) {
            return false;
        }
        String key = m.group(1);
        String state = m.group(2);
        if (GOING.matcher(state).matches()) {
            since.putIfAbsent(key, nanoTime.getAsLong());
            startTicking();
        } else {
            since.remove(key);
        }
        String old = rows.put(key, state);
        if (old != null && rows.size() == drawn) {
            redrawRow(key);
        } else {
            redrawAll();
        }
        return true;
    }

    /** Prints other output above the block: the block is cleared, {@code print} runs, the block comes back below it. */
    synchronized void above(Runnable print) {
        if (drawn > 0) {
            out.print(String.format(UP, drawn) + "\r" + CLEAR_BELOW);
            out.flush();
            drawn = 0;
        }
        print.run();
        redrawAll();
    }

    /** The block stays as it is, the final state of every row; the next progress starts a new one below. */
    synchronized void finish() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        rows.clear();
        since.clear();
        drawn = 0;
    }

    private void redrawAll() {
        StringBuilder sb = new StringBuilder();
        if (drawn > 0) {
            sb.append(String.format(UP, drawn)).append('\r');
        }
        for (Map.Entry<String, String> row : rows.entrySet()) {
            sb.append(CLEAR_LINE).append(line(row.getKey(), row.getValue())).append('\n');
        }
        out.print(sb);
        out.flush();
        drawn = rows.size();
    }

    private void redrawRow(String key) {
        List<String> keys = new ArrayList<>(rows.keySet());
        int up = drawn - keys.indexOf(key);
        String sb = String.format(UP, up) + '\r' + CLEAR_LINE + line(key, rows.get(key)) + '\n'
                + (up > 1 ? String.format("\u001b[%dB", up - 1) : "");
        out.print(sb);
        out.flush();
    }

    private String line(String key, String state) {
        Long start = since.get(key);
        String going = start == null ? "" : String.format(Locale.ROOT, "  %.1fs", (nanoTime.getAsLong() - start) / 1e9);
        return linePrefix + key + "  " + state + going;
    }
}
