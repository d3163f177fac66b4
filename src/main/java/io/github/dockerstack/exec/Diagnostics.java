package io.github.dockerstack.exec;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.EngineException;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.LogOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What is worth keeping of a failed {@code up} before the rollback removes it: every service
 * container's full log (with the engine's timestamps, to line up containers) as
 * {@code <container>.log} and its inspect document as {@code <container>.inspect.json}. Never
 * throws: a diagnostic that cannot be written must not hide the failure or stop the rollback.
 */
public final class Diagnostics {
    static final String LOG = ".log";
    static final String INSPECT = ".inspect.json";

    private Diagnostics() {
    }

    /**
     * Writes the project's containers' logs and inspect documents into {@code directory}, after
     * removing the files an earlier failure left there. Returns the directory, or null when nothing
     * could be written (no container, or the directory is not writable).
     */
    public static Path write(Engine engine, String project, Path directory, Progress progress) {
        List<ContainerInfo> containers;
        try {
            containers = engine.listContainers(Map.of(Labels.PROJECT, project)).stream()
                    .filter(c -> !Labels.TRUE.equals(c.label(Labels.ONEOFF))).toList();
        } catch (EngineException e) {
            progress.warn(null, "No diagnostics: the project's containers could not be listed: " + e.getMessage());
            return null;
        }
        if (containers.isEmpty()) {
            return null;
        }
        try {
            Files.createDirectories(directory);
            clearOldFiles(directory);
        } catch (IOException e) {
            progress.warn(null, "No diagnostics: cannot write to " + directory + ": " + e.getMessage());
            return null;
        }
        for (ContainerInfo c : containers) {
            saveLog(engine, c, directory.resolve(c.name() + LOG), progress);
            saveInspect(engine, c, directory.resolve(c.name() + INSPECT), progress);
        }
        progress.info(null, "Logs and inspect documents of " + containers.size() + " container(s) saved to " + directory);
        return directory;
    }

    private static void saveLog(Engine engine, ContainerInfo c, Path file, Progress progress) {
        try {
            LogFile.save(engine, c.id(), LogOptions.all().withTimestamps(true), file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.warn(c.label(Labels.SERVICE), "Interrupted while saving the log of " + c.name());
        } catch (RuntimeException e) { // EngineException, LogFileException, an engine without log streams
            note(file, "(the log of " + c.name() + " could not be read: " + e.getMessage() + ")\n", progress);
        }
    }

    private static void saveInspect(Engine engine, ContainerInfo c, Path file, Progress progress) {
        String json;
        try {
            json = engine.inspectJson(c.id());
        } catch (RuntimeException e) {
            json = "{\"error\": " + jsonString(String.valueOf(e.getMessage())) + "}";
        }
        note(file, json.endsWith("\n") ? json : json + "\n", progress);
    }

    private static void note(Path file, String text, Progress progress) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            progress.warn(null, "Cannot write " + file + ": " + e.getMessage());
        }
    }

    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static void clearOldFiles(Path directory) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, p -> Files.isRegularFile(p)
                && (p.getFileName().toString().endsWith(LOG) || p.getFileName().toString().endsWith(INSPECT)))) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
    }
}
