package io.github.dockerstack.maven;

import io.github.dockerstack.stack.DownRequest;
import io.github.dockerstack.stack.PsRow;
import io.github.dockerstack.stack.ServiceEndpoint;
import io.github.dockerstack.stack.Stack;
import io.github.dockerstack.stack.UpImageOptions;
import io.github.dockerstack.stack.UpRequest;
import io.github.dockerstack.stack.UpResult;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import javax.inject.Inject;
import org.apache.maven.lifecycle.DefaultLifecycles;
import org.apache.maven.lifecycle.Lifecycle;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Creates and starts the stack, as {@code docker compose up -d --wait} does, and hands its
 * addresses to the tests: Maven properties {@code docker-stack.<service>.host} and
 * {@code docker-stack.<service>.port.<containerPort>} (with {@code /udp} where not tcp), also
 * written to {@code <outputDirectory>/<project>.properties} for failsafe's
 * {@code systemPropertiesFile}.
 */
@Mojo(name = "up", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class UpMojo extends AbstractImageMojo {
    /** Removes containers of services that are no longer in the compose files. */
    @Parameter(property = "docker-stack.removeOrphans", defaultValue = "true")
    private boolean removeOrphans;

    /** How many services may be created and started at once. */
    @Parameter(property = "docker-stack.parallelism", defaultValue = "8")
    private int parallelism;

    /** Where the properties file goes. */
    @Parameter(property = "docker-stack.outputDirectory", defaultValue = "${project.build.directory}/docker-stack")
    private File outputDirectory;

    /**
     * When up fails, every container's full log and inspect document are saved to {@code <diagnosticsDirectory>/<project>/}
     * before the rollback removes the containers.
     */
    @Parameter(property = "docker-stack.diagnosticsDirectory", defaultValue = "${project.build.directory}/docker-stack/diagnostics")
    private File diagnosticsDirectory;

    /**
     * Which images {@code up} builds before it starts anything, like {@code docker compose up --build / --no-build}:
     * {@code missing} builds the images of services with a {@code build:} section that are absent (and those with
     * {@code pull_policy: build}); {@code always} builds every one (an image whose build inputs are unchanged is still
     * skipped); {@code never} builds none, and a missing one fails {@code up}.
     */
    @Parameter(property = "docker-stack.build", defaultValue = "missing")
    private String build;

    /**
     * A pull policy for every service, overriding their {@code pull_policy}, like {@code docker compose up --pull}:
     * {@code always}, {@code missing}, {@code never}, {@code build}, {@code daily}, {@code weekly},
     * {@code every_<duration>}. Empty: each service's own ({@code missing} when it has none).
     */
    @Parameter(property = "docker-stack.pull")
    private String pull;

    /**
     * While {@code up} starts the services and waits for them, show their containers' output in the build log, with the
     * columns of {@code docker-stack:logs} ({@code web-1  | ...}), as {@code docker compose up} does when attached. It
     * stops when {@code up} is done or has failed.
     */
    @Parameter(property = "docker-stack.showLogs", defaultValue = "false")
    private boolean showLogs;

    /**
     * The first part of the properties' names ({@code <prefix>.<service>.host}, {@code <prefix>.<service>.port.<n>},
     * {@code <prefix>.project}). Two {@code up} executions of one build that bring up two projects with the same
     * service names give each its own prefix, so that neither overwrites the other's addresses.
     */
    @Parameter(property = "docker-stack.propertyPrefix", defaultValue = "docker-stack")
    private String propertyPrefix = "docker-stack";

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    private MojoExecution mojoExecution;

    private final DefaultLifecycles lifecycles;

    @Inject
    public UpMojo(SettingsDecrypter decrypter, DefaultLifecycles lifecycles) {
        super(decrypter);
        this.lifecycles = lifecycles;
    }

    @Override
    protected void run(Stack stack) throws MojoExecutionException {
        AbortGuard.Armed guard = armAbortGuard();
        boolean rollbackOnly = guard == null;
        if (rollbackOnly) {
            guard = AbortGuard.jvm().armRollback(stackKey(), stackName());
        }
        UpResult result;
        try {
            result = stack.up(new UpRequest(loadRequest(), engineSettings(), wait, waitTimeout(), removeOrphans, parallelism,
                    diagnosticsDirectory == null ? null : diagnosticsDirectory.toPath(), new UpImageOptions(build, pull, 0, servers()),
                    showLogs));
        } catch (RuntimeException e) {
            // up removed what it created; what was there before stays, as without the guard
            AbortGuard.jvm().release(stackKey());
            throw e;
        } finally {
            guard.upReturned();
        }
        if (rollbackOnly) {
            AbortGuard.jvm().release(stackKey()); // up is done: the stack stays, as asked
        }
        Map<String, String> properties = properties(propertyPrefix, result);
        if (project != null) {
            project.getProperties().putAll(properties);
        }
        Path file = write(result.project().name(), properties);
        getLog().info("docker-stack: project " + result.project().name() + " is up in " + result.took().toMillis() + " ms");
        summary(result).forEach(getLog()::info);
        getLog().info("docker-stack: " + properties.size() + " properties set, written to " + file);
        properties.forEach((k, v) -> getLog().info("  " + k + "=" + v));
    }

    /**
     * When this build also runs a {@code down} for the stack (bound to a phase the build reaches), a Ctrl-C or a failure
     * before that {@code down} still takes the stack down, at JVM exit. Null when there is no such {@code down}.
     */
    private AbortGuard.Armed armAbortGuard() {
        if (project == null || session == null || mojoExecution == null || lifecycles == null) {
            return null;
        }
        Plugin plugin = project.getBuild().getPluginsAsMap().get(mojoExecution.getGroupId() + ":" + mojoExecution.getArtifactId());
        Lifecycle lifecycle = lifecycles.get(DownBinding.DEFAULT_PHASE);
        Properties properties = new Properties();
        properties.putAll(project.getProperties());
        properties.putAll(session.getUserProperties());
        Optional<DownBinding> down = DownBinding.find(plugin, mojoExecution.getLifecyclePhase(), mojoExecution.getExecutionId(),
                session.getGoals(), lifecycle == null ? List.of() : lifecycle.getPhases(), properties);
        if (down.isEmpty()) {
            return null;
        }
        DownRequest request = new DownRequest(loadRequest(), engineSettings(), down.get().removeVolumes(), true, false, null,
                Path.of(project.getBuild().getDirectory(), "docker-stack", "logs"));
        AbortOnSessionEnd.install(session.getRequest(), AbortGuard.jvm());
        return AbortGuard.jvm().arm(stackKey(), stackName(),
                () -> newStack().down(request));
    }

    private String stackName() {
        return mojoExecution == null ? "the stack" : "the stack of execution '" + mojoExecution.getExecutionId() + "'";
    }

    /** The containers as up left them, in {@code docker compose ps}'s columns; nothing when up ran no container. */
    static List<String> summary(UpResult result) {
        if (result.containers().isEmpty()) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("SERVICE", "CONTAINER", "STATE", "HEALTH", "PORTS"));
        for (PsRow row : result.containers()) {
            rows.add(List.of(row.service(), row.container(), row.state() == null ? "" : row.state(),
                    row.health() == null ? "" : row.health(), String.join(", ", row.ports())));
        }
        return Table.format(rows).stream().map(line -> "  " + line).toList();
    }

    static Map<String, String> properties(String propertyPrefix, UpResult result) {
        Map<String, String> props = new TreeMap<>();
        props.put(propertyPrefix + ".project", result.project().name());
        for (ServiceEndpoint endpoint : result.services().values()) {
            String prefix = propertyPrefix + "." + endpoint.service();
            props.put(prefix + ".host", result.host());
            endpoint.ports().forEach((port, hostPort) -> props.put(prefix + ".port." + port, String.valueOf(hostPort)));
        }
        return props;
    }

    private Path write(String projectName, Map<String, String> properties) throws MojoExecutionException {
        Path file = outputDirectory.toPath().resolve(projectName + ".properties");
        Properties p = new Properties();
        p.putAll(properties);
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "docker-stack: addresses of project " + projectName);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
