package io.github.dockerstack.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dockerstack.engine.RegistryAuth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Docker credential helper program, {@code docker-credential-NAME}: {@code get} reads the server
 * URL on stdin and prints {@code {"ServerURL", "Username", "Secret"}}; a user name
 * {@code <token>} means the secret is an identity token. Its output is never shown, as it holds
 * the secret.
 */
final class CredentialHelper {
    static final String PREFIX = "docker-credential-";
    private static final String NOT_FOUND = "credentials not found";
    private static final String TOKEN_USER = "<token>";
    private static final long TIMEOUT_SECONDS = 30;

    private final String name;
    private final List<Path> path;

    /**
     * @param name the helper's name ("pass", "desktop")
     * @param path directories to look for {@code docker-credential-NAME} in (the PATH)
     */
    CredentialHelper(String name, List<Path> path) {
        this.name = name;
        this.path = path;
    }

    String program() {
        return PREFIX + name;
    }

    /** The helper's credentials for {@code serverUrl}, or empty when it has none. */
    Optional<RegistryAuth> get(String serverUrl, String serverAddress, String configuredBy) {
        Output output = run("get", serverUrl, configuredBy);
        if (output.exit() != 0) {
            if (output.stdout().contains(NOT_FOUND)) {
                return Optional.empty();
            }
            throw output.failure("get", serverUrl);
        }
        return Optional.of(parse(output.stdout(), serverAddress));
    }

    /** The server URLs the helper holds credentials for ({@code docker-credential-NAME list}). */
    List<String> list(String configuredBy) {
        Output output = run("list", "", configuredBy);
        if (output.exit() != 0) {
            throw output.failure("list", "its servers");
        }
        List<String> servers = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(output.stdout())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CredentialsException(program() + " list printed no JSON object.");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                servers.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
        } catch (IOException e) {
            throw new CredentialsException(program() + " list printed something that is not JSON.", null);
        }
        return servers;
    }

    /** What one run of the helper printed; helpers print an error text, not JSON, when they fail. */
    private record Output(String program, int exit, String stdout, String stderr) {
        CredentialsException failure(String action, String what) {
            String reason = (stdout.isEmpty() ? stderr : stdout).lines().findFirst().orElse("");
            return new CredentialsException(program + " " + action + " failed for " + what + " (exit " + exit + "): " + abbreviate(reason));
        }
    }

    private Output run(String action, String input, String configuredBy) {
        Path executable = locate().orElseThrow(() -> new CredentialsException(configuredBy + " names the credential helper " + name
                + ", but " + program() + " is not on the PATH. Install it, or remove the entry to use the credentials in config.json."));
        Process process;
        try {
            process = new ProcessBuilder(executable.toString(), action).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new CredentialsException("Cannot run " + executable + ": " + e.getMessage(), e);
        }
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException exitedWithoutReading) {
                // a helper that fails early closes stdin; its exit code tells the rest
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CredentialsException(program() + " " + action + " did not answer within " + TIMEOUT_SECONDS + " s"
                        + (input.isEmpty() ? "." : " (for " + input + ")."));
            }
            return new Output(program(), process.exitValue(), new String(out.join(), StandardCharsets.UTF_8).strip(),
                    new String(err.join(), StandardCharsets.UTF_8).strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new CredentialsException("Interrupted while waiting for " + program(), e);
        }
    }

    private RegistryAuth parse(String json, String serverAddress) {
        String username = null;
        String secret = null;
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CredentialsException(program() + " get printed no JSON object.");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("Username")) {
                    username = parser.getValueAsString();
                } else if (field.equals("Secret")) {
                    secret = parser.getValueAsString();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new CredentialsException(program() + " get printed something that is not JSON.", null);
        }
        if (TOKEN_USER.equals(username)) {
            return new RegistryAuth(serverAddress, null, null, secret, null);
        }
        return RegistryAuth.basic(serverAddress, username, secret);
    }

    private Optional<Path> locate() {
        for (Path dir : path) {
            Path candidate = dir.resolve(program());
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
