package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Docker registry (Debian's docker-registry) on 127.0.0.1 and a free port, storing into a
 * temporary directory, optionally behind htpasswd (bcrypt) authentication. Engines treat
 * 127.0.0.0/8 registries as insecure-allowed, so plain HTTP works. {@link #close()} stops it and
 * deletes everything it stored.
 */
final class LocalRegistry implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/docker-registry");
    static final Path HTPASSWD = Path.of("/usr/bin/htpasswd");

    private final Path dir;
    private final int port;
    private final Process process;

    private LocalRegistry(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts a registry; with a user name, only that user (with that password) may push and pull. */
    static LocalRegistry start(String user, String password) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY) || user != null && !Files.isExecutable(HTPASSWD)) {
            fail("This test needs a local registry: install it with `apt-get install -y docker-registry apache2-utils` (Debian; the"
                    + " package's service need not run, the test starts its own " + BINARY + " serve).");
        }
        Path dir = Files.createTempDirectory("docker-stack-registry-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String auth = "";
        if (user != null) {
            Process htpasswd = new ProcessBuilder(HTPASSWD.toString(), "-Bbn", user, password).redirectErrorStream(true).start();
            String line = new String(htpasswd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (htpasswd.waitFor() != 0) {
                fail("htpasswd failed: " + line);
            }
            Files.writeString(dir.resolve("htpasswd"), line + "\n");
            auth = "auth:\n  htpasswd:\n    realm: docker-stack-test\n    path: " + dir.resolve("htpasswd") + "\n";
        }
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                %s""".formatted(dir.resolve("data"), port, auth));
        Process process = new ProcessBuilder(BINARY.toString(), "serve", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile()).start();
        LocalRegistry registry = new LocalRegistry(dir, port, process);
        registry.awaitReady(user != null);
        return registry;
    }

    private void awaitReady(boolean withAuth) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = Files.readString(dir.resolve("registry.log"));
                close();
                fail("docker-registry exited: " + log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL().openConnection();
                c.setConnectTimeout(500);
                int code = c.getResponseCode();
                c.disconnect();
                if (code == (withAuth ? 401 : 200)) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        close();
        fail("docker-registry did not answer on " + host() + " within 15 s");
    }

    /** "127.0.0.1:PORT". */
    String host() {
        return "127.0.0.1:" + port;
    }

    /** Runs the docker CLI with {@code DOCKER_CONFIG=dockerConfig}; fails the test when it fails. */
    static String docker(Path dockerConfig, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = Stream.concat(Stream.of("docker"), Stream.of(args)).toList();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("DOCKER_CONFIG", dockerConfig.toString());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
