package io.github.dockerstack.engine.dockerjava;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The end of what a command run in a container wrote, kept apart by stream so a failure can show
 * stderr, which usually holds the reason, rather than stdout's progress.
 */
final class ExecOutput extends ResultCallback.Adapter<Frame> {
    private static final int KEPT_CHARS = 16 * 1024;
    private static final int LINES = 10;

    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();

    @Override
    public synchronized void onNext(Frame frame) {
        StringBuilder to = frame.getStreamType() == StreamType.STDERR ? err : out;
        to.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
        if (to.length() > KEPT_CHARS) {
            to.delete(0, to.length() - KEPT_CHARS);
        }
    }

    /** The last lines of stderr, or of stdout when stderr is empty. */
    synchronized String tail() {
        String text = (err.toString().isBlank() ? out : err).toString().stripTrailing();
        String[] lines = text.split("\r?\n");
        return Arrays.stream(lines, Math.max(0, lines.length - LINES), lines.length).collect(Collectors.joining("\n"));
    }
}
