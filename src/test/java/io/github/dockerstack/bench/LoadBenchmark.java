package io.github.dockerstack.bench;

import io.github.dockerstack.load.LoadRequest;
import io.github.dockerstack.load.ProjectLoader;
import io.github.dockerstack.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Resolution of a generated project: 200 services over 3 files (base, override, CI overlay) with
 * interpolation, anchors, short syntax, dependencies and an env file. Target: under 100 ms.
 * Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=LoadBenchmark} (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LoadBenchmark {
    static final int SERVICES = 200;

    private Path dir;
    private LoadRequest request;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("docker-stack-bench");
        Files.writeString(dir.resolve(".env"), "TAG=1.2.3\nREGISTRY=registry.local\nLOG_LEVEL=info\n");
        StringBuilder base = new StringBuilder("""
                x-common: &common
                  restart: unless-stopped
                  environment:
                    LOG_LEVEL: ${LOG_LEVEL}
                    TZ: UTC
                  labels:
                    team: bench
                services:
                """);
        StringBuilder override = new StringBuilder("services:\n");
        StringBuilder ci = new StringBuilder("services:\n");
        for (int i = 0; i < SERVICES; i++) {
            base.append("  s").append(i).append(":\n")
                    .append("    <<: *common\n")
                    .append("    image: ${REGISTRY}/app").append(i).append(":${TAG:-latest}\n")
                    .append("    command: run --id ").append(i).append(" --verbose\n")
                    .append("    ports:\n      - \"").append(8000 + i).append(":80\"\n")
                    .append("    volumes:\n      - data").append(i % 10).append(":/data\n      - ./conf:/etc/app:ro\n")
                    .append("    healthcheck:\n      test: wget -q -O- http://localhost/ || exit 1\n      interval: 5s\n");
            if (i > 0) {
                base.append("    depends_on:\n      s").append(i - 1).append(":\n        condition: service_healthy\n");
            }
            override.append("  s").append(i).append(":\n    environment:\n      - EXTRA=").append(i).append("\n")
                    .append("    ports:\n      - \"").append(9000 + i).append(":9000\"\n");
            ci.append("  s").append(i).append(":\n    labels:\n      ci: \"true\"\n    volumes:\n      - ./ci:/etc/app:ro\n");
        }
        base.append("volumes:\n");
        for (int v = 0; v < 10; v++) {
            base.append("  data").append(v).append(":\n");
        }
        Files.writeString(dir.resolve("compose.yaml"), base);
        Files.writeString(dir.resolve("compose.override.yaml"), override);
        Files.writeString(dir.resolve("compose.ci.yaml"), ci);
        request = LoadRequest.of(dir).withFiles(List.of(Path.of("compose.yaml"), Path.of("compose.override.yaml"), Path.of("compose.ci.yaml")))
                .withProcessEnvironment(Map.of("HOME", "/root"));
    }

    @Benchmark
    public Project resolve() {
        return new ProjectLoader(w -> { }).load(request);
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
