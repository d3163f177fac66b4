package io.github.dockerstack.maven;

import io.github.dockerstack.stack.StackEvent;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.shared.utils.logging.MessageUtils;

/**
 * Prints containers' log lines as {@code docker compose logs} does: as they are, without Maven's
 * {@code [INFO]}, the column coloured per service when Maven writes in colour.
 */
final class ContainerOutput {
    /** ANSI foreground colours in compose's order: cyan, yellow, green, magenta, blue, then their bright forms. */
    private static final String[] COLOURS = {"36", "33", "32", "35", "34", "96", "93", "92", "95", "94"};

    private final PrintStream out;
    private final boolean colour;
    private final Map<String, String> colourOf = new HashMap<>();

    ContainerOutput(PrintStream out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    /** To standard output, in colour when Maven's own output is. */
    static ContainerOutput standard() {
        return new ContainerOutput(System.out, colourEnabled());
    }

    /**
     * Maven 3.9 keeps maven-shared-utils (MessageUtils) out of the plugins' class realm; it does export
     * Jansi, whose switch MessageUtils sets from {@code -B} and {@code -Dstyle.color}. Without a TTY
     * Maven's Jansi stream strips the codes again.
     */
    static boolean colourEnabled() {
        try {
            return MessageUtils.isColorEnabled();
        } catch (LinkageError notInThisRealm) {
            try {
                return (Boolean) Class.forName("org.fusesource.jansi.Ansi").getMethod("isEnabled").invoke(null);
            } catch (ReflectiveOperationException | LinkageError | ClassCastException noJansi) {
                return false;
            }
        }
    }

    synchronized void print(StackEvent event) {
        String prefix = event.prefix();
        if (colour) {
            String code = colourOf.computeIfAbsent(String.valueOf(event.service()), s -> COLOURS[colourOf.size() % COLOURS.length]);
            prefix = "\u001b[" + code + "m" + prefix + "\u001b[0m";
        }
        out.println(prefix + event.message());
    }
}
