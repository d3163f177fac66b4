package io.github.dockerstack.exec;

import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.LogLine;
import io.github.dockerstack.engine.LogOptions;
import io.github.dockerstack.engine.LogStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One container's log streamed into a file, a line each, stdout and stderr interleaved as
 * written, without prefixes (the file name says whose log it is). While following, every line is
 * flushed at once, so the file is complete up to the moment the build stops.
 */
public final class LogFile implements Closeable {
    private final Path file;
    private final BufferedWriter writer;
    private final boolean flushEachLine;
    private final AtomicInteger lines = new AtomicInteger();
    private LogStream stream;

    private LogFile(Path file, BufferedWriter writer, boolean flushEachLine) {
        this.file = file;
        this.writer = writer;
        this.flushEachLine = flushEachLine;
    }

    /** Creates (or truncates) {@code file} and starts streaming the container's log into it. */
    public static LogFile open(Engine engine, String containerId, LogOptions options, Path file) {
        BufferedWriter writer;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LogFileException("Cannot write the log file " + file + ": " + e.getMessage(), e);
        }
        LogFile logFile = new LogFile(file, writer, options.follow());
        try {
            logFile.stream = engine.streamLogs(containerId, options, logFile::write);
        } catch (RuntimeException e) {
            logFile.closeWriter();
            throw e;
        }
        return logFile;
    }

    /** Writes the container's whole log as it is now into {@code file}; returns the number of lines. */
    public static int save(Engine engine, String containerId, LogOptions options, Path file) throws InterruptedException {
        try (LogFile logFile = open(engine, containerId, options, file)) {
            logFile.await();
            return logFile.lines();
        }
    }

    /** Waits until the log has ended (or this file was closed); rethrows what broke the stream. */
    public void await() throws InterruptedException {
        try {
            stream.await();
        } catch (UncheckedIOException e) {
            throw new LogFileException("Cannot write the log file " + file + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    public Path file() {
        return file;
    }

    /** Lines written so far. */
    public int lines() {
        return lines.get();
    }

    /** Ends the stream and closes the file; what was received is kept. */
    @Override
    public void close() {
        stream.close();
        closeWriter();
    }

    private void write(LogLine line) {
        try {
            synchronized (writer) {
                writer.write(line.text());
                writer.write('\n');
                if (flushEachLine) {
                    writer.flush();
                }
            }
            lines.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeWriter() {
        try {
            synchronized (writer) {
                writer.close();
            }
        } catch (IOException e) {
            throw new LogFileException("Cannot write the log file " + file + ": " + e.getMessage(), e);
        }
    }
}
