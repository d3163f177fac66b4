package io.github.dockerstack.maven;

import io.github.dockerstack.error.StackException;
import io.github.dockerstack.load.LoadRequest;
import io.github.dockerstack.stack.Stack;
import io.github.dockerstack.stack.StackEvent;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters every goal shares, in one place, each with a {@code docker-stack.*} property
 * and the same meaning as the {@code docker compose} flag it mirrors. Subclasses translate:
 * build a request, make one facade call, publish the result.
 */
public abstract class AbstractStackMojo extends AbstractMojo {
    /** The project directory, like {@code --project-directory}: relative paths and {@code .env} resolve against it. */
    @Parameter(property = "docker-stack.projectDirectory", defaultValue = "${project.basedir}")
    protected File projectDirectory;

    /** Compose files, like repeated {@code -f}; comma-separated on the command line. Default: compose.yaml (and its override file) in the project directory. */
    @Parameter(property = "docker-stack.files")
    protected List<String> files;

    /** Env files, like repeated {@code --env-file}; they replace {@code .env}; later files win. */
    @Parameter(property = "docker-stack.envFiles")
    protected List<String> envFiles;

    /** Compose profiles to enable, like {@code --profile}; default: COMPOSE_PROFILES. */
    @Parameter(property = "docker-stack.profiles")
    protected List<String> profiles;

    /** The project name, like {@code -p}; default: COMPOSE_PROJECT_NAME, then the top-level name:, then the directory name. */
    @Parameter(property = "docker-stack.projectName")
    protected String projectName;

    /** Services to act on, with their dependencies; default: all enabled services. */
    @Parameter(property = "docker-stack.services")
    protected List<String> services;

    /** Variables for interpolation and COMPOSE_* settings; they win over the process environment and env files. */
    @Parameter
    protected Map<String, String> environment;

    /** Skips the goal. */
    @Parameter(property = "docker-stack.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * How progress is shown, like {@code docker compose --progress}: {@code auto} rewrites one line per container in place
     * on a terminal and prints plain lines otherwise ({@code -B}, CI, a parallel build); {@code tty} or {@code plain}
     * force one way.
     */
    @Parameter(property = "docker-stack.progress", defaultValue = "auto")
    protected String progress = "auto";

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    private ContainerOutput output;
    private ProgressBlock block;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("docker-stack: skipped (docker-stack.skip)");
            return;
        }
        block = terminalProgress() ? new ProgressBlock(System.out, ContainerOutput.colourEnabled() ? "[\u001b[1;34mINFO\u001b[m] " : "[INFO] ")
                : null;
        try {
            run(newStack());
        } catch (StackException e) {
            ErrorMapper.rethrow(e);
        } finally {
            if (block != null) {
                block.finish();
            }
        }
    }

    /**
     * The goal's own lines (its summary, say) come after its progress, as with docker compose: the rows on the terminal
     * stay as they are, and the next progress starts a new block below.
     */
    @Override
    public Log getLog() {
        ProgressBlock live = block;
        if (live != null) {
            live.finish();
        }
        return super.getLog();
    }

    private boolean terminalProgress() throws MojoExecutionException {
        String mode = progress == null ? "auto" : progress.trim();
        return switch (mode) {
            case "plain" -> false;
            case "tty" -> true;
            case "auto" -> System.console() != null && !"dumb".equals(System.getenv("TERM")) && super.getLog().isInfoEnabled()
                    && session != null && session.getRequest().isInteractiveMode() && !session.isParallel();
            default -> throw new MojoExecutionException("docker-stack.progress is '" + mode + "'; use auto, tty or plain");
        };
    }

    /** Where containers' log lines go: standard output, as they are. */
    synchronized ContainerOutput output() {
        if (output == null) {
            output = ContainerOutput.standard();
        }
        return output;
    }

    /** The facade, reporting through this goal's log. */
    protected Stack newStack() {
        return new Stack(this::log);
    }

    /** The goal's work: one facade call and publishing its result. */
    protected abstract void run(Stack stack) throws MojoExecutionException, MojoFailureException;

    protected LoadRequest loadRequest() {
        return new LoadRequest(projectDirectory().toPath(), paths(files), paths(envFiles), clean(profiles), projectName, clean(services),
                environment, System.getenv());
    }

    /** The parameter, else (a goal run where there is no pom) the directory Maven was started in. */
    private File projectDirectory() {
        if (projectDirectory != null) {
            return projectDirectory;
        }
        String base = session != null ? session.getRequest().getBaseDirectory() : null;
        return new File(base != null ? base : System.getProperty("user.dir")).getAbsoluteFile();
    }

    /** Equal for goals that act on the same stack, whatever services they select. */
    protected Object stackKey() {
        return List.of(String.valueOf(projectDirectory()), paths(files), paths(envFiles), clean(profiles), String.valueOf(projectName),
                environment == null ? Map.of() : environment);
    }

    private static List<Path> paths(List<String> values) {
        return clean(values).stream().map(Path::of).toList();
    }

    /** Drops blanks and trims: {@code -Ddocker-stack.files=a.yaml, b.yaml} works. */
    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
    }

    protected void log(StackEvent event) {
        ProgressBlock live = block;
        if (live != null && event.level() != StackEvent.Level.DEBUG) {
            if (event.level() == StackEvent.Level.INFO && !event.isOutput() && live.step(event.message())) {
                return;
            }
            live.above(() -> print(event));
            return;
        }
        print(event);
    }

    private void print(StackEvent event) {
        if (event.isOutput()) {
            output().print(event);
            return;
        }
        // progress lines already name their container; warnings and errors get the service in front
        boolean named = event.service() != null && event.level().compareTo(StackEvent.Level.WARN) >= 0;
        String line = named ? event.service() + ": " + event.message() : event.message();
        switch (event.level()) {
            case DEBUG -> super.getLog().debug(line);
            case INFO -> super.getLog().info(line);
            case WARN -> super.getLog().warn(line);
            case ERROR -> super.getLog().error(line);
        }
    }
}
