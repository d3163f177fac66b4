package io.github.dockerstack.build;

import java.nio.file.Path;

/**
 * One entry of the build context tar.
 *
 * @param name path in the tar, slash-separated; directories end with "/"
 * @param type what it is
 * @param mode permission bits with setuid, setgid and sticky (no file type bits), as Go's tar writes them
 * @param size bytes of content (files), else 0
 * @param modTimeSeconds modification time, whole seconds since the epoch (the engine's build cache
 *                       ignores it: the classic builder hashes copied files by content, mode and owner)
 * @param linkTarget target of a symlink, or the first name of a hard-linked file; else null
 * @param source the file on disk, or null for generated content
 * @param content generated content (inline Dockerfile, amended .dockerignore), or null
 */
public record ContextEntry(String name, Type type, int mode, long size, long modTimeSeconds, String linkTarget, Path source, byte[] content) {
    /** Entry types; other file types (sockets, devices, fifos) are not sent. */
    public enum Type {
        DIRECTORY, FILE, SYMLINK, HARDLINK
    }

    static ContextEntry generated(String name, int mode, byte[] content) {
        return new ContextEntry(name, Type.FILE, mode, content.length, 0L, null, null, content);
    }

    /** The path without a directory's trailing "/". */
    public String path() {
        return type == Type.DIRECTORY ? name.substring(0, name.length() - 1) : name;
    }

    @Override
    public String toString() {
        return type + " " + name + " " + Integer.toOctalString(mode) + (linkTarget != null ? " -> " + linkTarget : "");
    }
}
