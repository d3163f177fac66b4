package io.github.dockerstack.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import io.github.dockerstack.load.ComposeException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code security_opt: seccomp=<file>}: the engine wants the profile itself, so the file is read
 * (relative to the project directory) and passed inline, compacted, as Compose does.
 */
final class SeccompProfiles {
    private static final JsonFactory JSON = new JsonFactory();

    private SeccompProfiles() {
    }

    /** The option as the engine takes it; other options are checked for their form and returned as they are. */
    static String inline(String option, Path workingDir, String path) {
        int eq = option.indexOf('=');
        int colon = option.indexOf(':');
        int split = eq >= 0 ? eq : colon;
        if (split < 0) {
            if (option.equals("no-new-privileges")) {
                return option;
            }
            throw new ComposeException(null, path, "'" + option + "' is not a security option; use KEY=VALUE (or label:..., apparmor:...)");
        }
        String key = option.substring(0, split);
        String value = option.substring(split + 1);
        if (!key.equals("seccomp") || value.equals("unconfined") || value.equals("builtin")) {
            return option;
        }
        Path file = workingDir.resolve(value);
        try {
            return "seccomp=" + compact(Files.readString(file));
        } catch (IOException e) {
            throw new ComposeException(null, path, "cannot read the seccomp profile " + file + " (" + e.getMessage()
                    + "); fix the path (relative to the project directory)");
        }
    }

    private static String compact(String json) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonParser parser = JSON.createParser(json); JsonGenerator generator = JSON.createGenerator(out)) {
            while (parser.nextToken() != null) {
                generator.copyCurrentEvent(parser);
            }
        }
        return out.toString();
    }
}
