package io.github.dockerstack.stack;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.LogOptions;
import io.github.dockerstack.engine.LogStream;
import io.github.dockerstack.exec.LogFile;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@code logs} goal's work. Each line is reported with its container's column, as
 * {@code docker compose logs} prints it ({@code web-1  | ...}, names padded to one width), or
 * written to one file per container. Without follow the containers are read one after the other,
 * so each one's lines stay together; with follow all stream at once until their containers stop.
 * A thread interrupt or the JVM shutting down (Ctrl-C) closes the streams; what was received is
 * kept.
 */
final class ContainerLogs {
    /** How long a shutdown waits for the files to be closed. */
    private static final long SHUTDOWN_GRACE_SECONDS = 2;

    private final Engine engine;
    private final Consumer<StackEvent> events;
    private final Object outputLock = new Object();
    private final List<Closeable> open = new ArrayList<>();
    private boolean closing;

    ContainerLogs(Engine engine, Consumer<StackEvent> events) {
        this.engine = engine;
        this.events = events;
    }

    /** The name compose shows: without the project in front, unless the service sets container_name. */
    static String displayName(ContainerInfo c, String project) {
        String defaultName = project + "-" + c.label(Labels.SERVICE) + "-" + c.label(Labels.CONTAINER_NUMBER);
        return c.name().equals(defaultName) ? c.name().substring(project.length() + 1) : c.name();
    }

    /** The column of each container, by id: its name padded to the longest name plus one, then {@code " | "}. */
    static Map<String, String> prefixes(List<ContainerInfo> containers, String project) {
        int width = containers.stream().mapToInt(c -> displayName(c, project).length()).max().orElse(0) + 1;
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (ContainerInfo c : containers) {
            String name = displayName(c, project);
            prefixes.put(c.id(), name + " ".repeat(width - name.length()) + " | ");
        }
        return prefixes;
    }

    /** Reports or writes the containers' logs; returns the files written, by container name. */
    Map<String, Path> run(List<ContainerInfo> containers, String project, LogOptions options, Path logDirectory) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            closeAll();
            try {
                finished.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS); // let the files be closed before the JVM ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "docker-stack-logs-shutdown");
        boolean hooked = addShutdownHook(hook);
        try {
            return logDirectory == null ? report(containers, project, options) : write(containers, options, logDirectory);
        } finally {
            closeAll();
            finished.countDown();
            if (hooked) {
                removeShutdownHook(hook);
            }
        }
    }

    private Map<String, Path> report(List<ContainerInfo> containers, String project, LogOptions options) {
        Map<String, String> prefixes = prefixes(containers, project);
        if (!options.follow()) {
            for (ContainerInfo c : containers) {
                LogStream stream = register(engine.streamLogs(c.id(), options, line -> emit(c, prefixes.get(c.id()), line.text())));
                if (stream == null || !await(stream)) {
                    break;
                }
            }
            return Map.of();
        }
        List<LogStream> streams = new ArrayList<>();
        for (ContainerInfo c : containers) {
            LogStream stream = register(engine.streamLogs(c.id(), options, line -> emit(c, prefixes.get(c.id()), line.text())));
            if (stream == null) {
                break;
            }
            streams.add(stream);
        }
        for (LogStream stream : streams) {
            if (!await(stream)) {
                break;
            }
        }
        return Map.of();
    }

    private Map<String, Path> write(List<ContainerInfo> containers, LogOptions options, Path directory) {
        Map<String, Path> files = new LinkedHashMap<>();
        List<Map.Entry<ContainerInfo, LogFile>> pending = new ArrayList<>();
        for (ContainerInfo c : containers) {
            LogFile file = register(LogFile.open(engine, c.id(), options, directory.resolve(c.name() + ".log")));
            if (file == null) {
                break;
            }
            files.put(c.name(), file.file());
            if (options.follow()) {
                pending.add(Map.entry(c, file));
            } else if (!finish(c, file)) {
                break;
            }
        }
        for (Map.Entry<ContainerInfo, LogFile> e : pending) {
            if (!finish(e.getKey(), e.getValue())) {
                break;
            }
        }
        return files;
    }

    /** Waits for one file; false when interrupted. */
    private boolean finish(ContainerInfo c, LogFile file) {
        try {
            file.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (EngineException.NotFound gone) {
            // removed meanwhile: the file keeps what was read
        } finally {
            file.close();
        }
        events.accept(new StackEvent(StackEvent.Level.INFO, c.label(Labels.SERVICE), "Container " + c.name() + "  " + file.lines()
                + " log lines written to " + file.file()));
        return true;
    }

    /** Waits for one stream; false when interrupted. */
    private static boolean await(LogStream stream) {
        try {
            stream.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (EngineException.NotFound gone) {
            return true; // removed meanwhile: its log is gone with it
        } finally {
            stream.close();
        }
    }

    private void emit(ContainerInfo c, String prefix, String text) {
        synchronized (outputLock) { // one line at a time, whichever stream it comes from
            events.accept(StackEvent.output(c.label(Labels.SERVICE), prefix, text));
        }
    }

    /** Keeps a stream or file to close on shutdown; closes it at once (and returns null) when shutting down already. */
    private synchronized <T extends Closeable> T register(T c) {
        if (closing) {
            closeQuietly(c);
            return null;
        }
        open.add(c);
        return c;
    }

    private void closeAll() {
        List<Closeable> toClose;
        synchronized (this) {
            closing = true;
            toClose = new ArrayList<>(open);
            open.clear();
        }
        toClose.forEach(ContainerLogs::closeQuietly);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing on the way out
        }
    }

    private static boolean addShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException shuttingDown) {
            return false;
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }
}
