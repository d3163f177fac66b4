package io.github.dockerstack.load.env;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.yaml.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The project environment: what interpolation and the {@code COMPOSE_*} settings read.
 *
 * <p>Precedence, highest first: the POM's {@code environment} parameter, then the process
 * environment, then the env files (a later file wins over an earlier one). This is docker compose's
 * order (the OS environment beats {@code .env}), with the POM on top as the most explicit setting.
 *
 * <p>Env files: without explicit ones, {@code <projectDir>/.env} when it is a regular file (missing
 * is fine; {@code COMPOSE_DISABLE_ENV_FILE=true} turns it off); otherwise exactly the given files, in
 * order, relative ones against the project directory, each required. References inside an env file
 * ({@code $VAR}, and {@code KEY} alone) see the higher layers first, then the values of earlier
 * files and earlier lines, like compose's {@code GetEnvFromFile}.
 */
public final class EnvironmentLayers {
    static final String DISABLE_ENV_FILE = "COMPOSE_DISABLE_ENV_FILE";

    private EnvironmentLayers() {
    }

    /** @return an unmodifiable map: env file entries in file order, then process, then POM entries */
    public static Map<String, String> resolve(Path projectDir, List<Path> envFiles, Map<String, String> processEnv,
            Map<String, String> pomEnv) {
        return resolve(projectDir, envFiles, processEnv, pomEnv, w -> {
        });
    }

    /** As {@link #resolve(Path, List, Map, Map)}; {@code warnings} receives unset-variable warnings from the env files. */
    public static Map<String, String> resolve(Path projectDir, List<Path> envFiles, Map<String, String> processEnv,
            Map<String, String> pomEnv, Consumer<String> warnings) {
        LinkedHashMap<String, String> fromFiles = new LinkedHashMap<>();
        for (Path file : files(projectDir, envFiles, processEnv, pomEnv)) {
            DotEnvParser.parseInto(file, read(file), fromFiles, name -> {
                String v = pomEnv.get(name);
                if (v == null) {
                    v = processEnv.get(name);
                }
                return v != null ? v : fromFiles.get(name);
            }, warnings);
        }
        LinkedHashMap<String, String> result = new LinkedHashMap<>(fromFiles);
        result.putAll(processEnv);
        result.putAll(pomEnv);
        return Collections.unmodifiableMap(result);
    }

    private static List<Path> files(Path projectDir, List<Path> envFiles, Map<String, String> processEnv, Map<String, String> pomEnv) {
        if (!envFiles.isEmpty()) {
            return envFiles.stream().map(f -> {
                Path p = projectDir.resolve(f).normalize();
                if (!Files.exists(p)) {
                    throw new ComposeException(Location.of(p), null, "env file " + p + " not found; create it or remove it from the env files");
                }
                if (!Files.isRegularFile(p)) {
                    throw new ComposeException(Location.of(p), null, "env file " + p + " is not a regular file; name a file, not a directory");
                }
                return p;
            }).toList();
        }
        if (defaultFileDisabled(pomEnv.containsKey(DISABLE_ENV_FILE) ? pomEnv.get(DISABLE_ENV_FILE) : processEnv.get(DISABLE_ENV_FILE))) {
            return List.of();
        }
        Path dotEnv = projectDir.resolve(".env");
        return Files.isRegularFile(dotEnv) ? List.of(dotEnv) : List.of();
    }

    /** Go's strconv.ParseBool, as compose reads the variable. */
    private static boolean defaultFileDisabled(String value) {
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "1", "t", "T", "true", "TRUE", "True" -> true;
            case "0", "f", "F", "false", "FALSE", "False" -> false;
            default -> throw new ComposeException(DISABLE_ENV_FILE + "=" + value + " is not a boolean; set it to true or false");
        };
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ComposeException(Location.of(file), null, "cannot read the env file: " + e.getMessage(), e);
        }
    }
}
