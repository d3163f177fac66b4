package io.github.dockerstack.engine.dockerjava;

import com.github.dockerjava.api.model.BuildResponseItem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the classic builder's JSON message stream: output text (split into lines for the caller),
 * the current "Step N/M : INSTRUCTION", the built image id and the error that ends a failed build.
 */
final class BuildStream implements Consumer<BuildResponseItem> {
    private static final Pattern STEP = Pattern.compile("^Step (\\d+)/(\\d+) : (.*)$");
    private static final Pattern BUILT = Pattern.compile("^Successfully built ([0-9a-f]+)\\s*$");
    static final int TAIL_LINES = 20;

    private final Consumer<String> output;
    private final StringBuilder partial = new StringBuilder();
    private final Deque<String> tail = new ArrayDeque<>();
    private Integer stepNumber;
    private Integer stepCount;
    private String step;
    private String builtId;
    private String error;
    private Integer errorCode;

    BuildStream(Consumer<String> output) {
        this.output = output;
    }

    @Override
    public synchronized void accept(BuildResponseItem item) {
        if (item.isErrorIndicated()) {
            if (error == null) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null ? item.getErrorDetail().getMessage()
                        : item.getError();
                errorCode = item.getErrorDetail() != null ? item.getErrorDetail().getCode() : null;
            }
            return;
        }
        if (item.getStream() != null) {
            text(item.getStream());
        } else if (item.getStatus() != null) { // a base image pulled for FROM reports like a pull
            String id = item.getId();
            emit((id == null || id.isEmpty() ? "" : id + ": ") + item.getStatus() + (item.getProgress() == null ? "" : " " + item.getProgress()));
        }
    }

    private void text(String text) {
        partial.append(text);
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, newline);
            partial.delete(0, newline + 1);
            emit(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
    }

    private void emit(String line) {
        Matcher m = STEP.matcher(line);
        if (m.matches()) {
            stepNumber = Integer.valueOf(m.group(1));
            stepCount = Integer.valueOf(m.group(2));
            step = m.group(3);
        }
        Matcher built = BUILT.matcher(line);
        if (built.matches()) {
            builtId = built.group(1);
        }
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
        }
        output.accept(line);
    }

    /** Flushes a last line without line end. */
    synchronized void finish() {
        if (partial.length() > 0) {
            String rest = partial.toString();
            partial.setLength(0);
            emit(rest);
        }
    }

    synchronized Integer stepNumber() {
        return stepNumber;
    }

    synchronized Integer stepCount() {
        return stepCount;
    }

    synchronized String step() {
        return step;
    }

    /** The short id of "Successfully built ID", or null. */
    synchronized String builtId() {
        return builtId;
    }

    synchronized String error() {
        return error;
    }

    synchronized Integer errorCode() {
        return errorCode;
    }

    /** The last lines, without the error's own repetition. */
    synchronized List<String> tail() {
        List<String> lines = new ArrayList<>(tail);
        if (error != null && !lines.isEmpty() && lines.get(lines.size() - 1).strip().equals(error.strip())) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
