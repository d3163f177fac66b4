package io.github.dockerstack.maven;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Progress on a terminal, as {@code docker compose up} shows it: one line per container, network, volume
 * or image, rewritten in place as its state changes ({@code Created}, then {@code Started}, then
 * {@code Healthy}), with the time each step took. Other lines (warnings, the summary) go above the
 * block, which is drawn again below them. In CI ({@code -B}, no terminal) the same progress comes as
 * plain lines instead; see {@link AbstractStackMojo}.
 */
final class ProgressBlock {
    /** "Container shop-web-1  Started  0.3s": the object, two spaces, its new state. */
    private static final Pattern STEP = Pattern.compile("((?:Container|Network|Volume|Image) \\S+)  (.+)");
    private static final String UP = "\u001b[%dA";
    private static final String CLEAR_LINE = "\u001b[2K";
    private static final String CLEAR_BELOW = "\u001b[J";

    private final PrintStream out;
    private final String linePrefix;
    private final Map<String, String> rows = new LinkedHashMap<>();
    private int drawn;

    /** @param linePrefix what starts every row, e.g. Maven's {@code [INFO] } */
    ProgressBlock(PrintStream out, String linePrefix) {
        this.out = out;
        this.linePrefix = linePrefix;
    }

    /** Takes a progress message into the block; false when it is not a step (the caller prints it with {@link #above}). */
    synchronized boolean step(String message) {
        Matcher m = STEP.matcher(message);
        if (!m.matches()) {
            return false;
        }
        String key = m.group(1);
        String state = m.group(2);
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

    /** The block stays as it is, the final state of every row; the next goal starts a new one. */
    synchronized void finish() {
        rows.clear();
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
        return linePrefix + key + "  " + state;
    }
}
