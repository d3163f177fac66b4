package io.github.dockerstack.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the Docker CLI sends as the build context of a local directory: every file, directory and
 * symlink not left out by {@code .dockerignore}, walked in Go's order (names sorted by bytes,
 * depth first), owned by root, with real modes and modification times (as the CLI sends them; the
 * classic builder's cache looks at content, mode and owner, not at times). The Dockerfile and
 * {@code .dockerignore} are always sent; the engine reads and then drops them itself when ignored.
 * An inline Dockerfile, or one outside the context, travels under a generated name that an
 * amended {@code .dockerignore} lists, so {@code COPY . .} does not copy it.
 */
public final class BuildContext {
    /** Name of the Dockerfile when none is given. */
    public static final String DEFAULT_DOCKERFILE = "Dockerfile";

    private final Path directory;
    private final String dockerfile;
    private final String dockerfileText;
    private final Path dockerfileSource;
    private final DockerIgnore ignore;
    private final List<ContextEntry> entries;

    private BuildContext(Path directory, String dockerfile, String dockerfileText, Path dockerfileSource, DockerIgnore ignore,
                         List<ContextEntry> entries) {
        this.directory = directory;
        this.dockerfile = dockerfile;
        this.dockerfileText = dockerfileText;
        this.dockerfileSource = dockerfileSource;
        this.ignore = ignore;
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads a context directory.
     *
     * @param contextDir the context directory
     * @param dockerfile the Dockerfile relative to the context (or absolute), or null for "Dockerfile"
     * @param dockerfileInline Dockerfile content given inline (compose's {@code dockerfile_inline}), or null
     * @throws BuildException when the context or Dockerfile is missing or unreadable, or .dockerignore is malformed
     */
    public static BuildContext scan(Path contextDir, String dockerfile, String dockerfileInline) {
        Path dir = contextDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new BuildException("The build context " + dir + " is not a directory; point build.context at the directory that holds"
                    + " the files the Dockerfile copies.");
        }
        try {
            String text;
            Path source = null;
            String inContextName = null;
            if (dockerfileInline != null) {
                text = dockerfileInline;
            } else {
                source = locateDockerfile(dir, dockerfile);
                text = Files.readString(source, StandardCharsets.UTF_8);
                Path relative = dir.relativize(source);
                if (!relative.startsWith("..") && !relative.isAbsolute()) {
                    inContextName = slashes(relative);
                }
            }
            DockerIgnore ignore = readIgnore(dir);
            DockerIgnore effective = inContextName != null ? ignore.keeping(inContextName) : ignore.keeping(null);
            List<ContextEntry> entries = new ArrayList<>();
            new Walker(dir, effective, entries).walk(dir, "", null);
            String name = inContextName;
            if (name == null) {
                name = generatedName(text);
                addGenerated(entries, name, text);
            }
            return new BuildContext(dir, name, text, source, ignore, entries);
        } catch (IOException e) {
            throw new BuildException("Cannot read the build context " + dir + ": " + e + ". Make it readable or list the path in "
                    + DockerIgnore.FILE + ".", e);
        }
    }

    private static Path locateDockerfile(Path dir, String dockerfile) {
        if (dockerfile == null || dockerfile.isEmpty()) {
            Path standard = dir.resolve(DEFAULT_DOCKERFILE);
            Path lower = dir.resolve("dockerfile");
            if (!Files.exists(standard) && Files.isRegularFile(lower)) { // the Docker CLI's fallback
                return lower;
            }
            dockerfile = DEFAULT_DOCKERFILE;
        }
        Path file = dir.resolve(dockerfile).normalize();
        if (!Files.isRegularFile(file)) {
            throw new BuildException("Cannot locate the Dockerfile " + file + "; create it, or set build.dockerfile to its path relative to"
                    + " the context " + dir + ".");
        }
        return file;
    }

    private static DockerIgnore readIgnore(Path dir) throws IOException {
        try {
            return DockerIgnore.read(dir);
        } catch (IllegalArgumentException e) {
            throw new BuildException(dir.resolve(DockerIgnore.FILE) + ": " + e.getMessage() + "; fix or remove the pattern.", e);
        }
    }

    /** A name derived from the content, so the same Dockerfile gives the same tar. */
    static String generatedName(String text) {
        return ".dockerfile." + HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8))).substring(0, 20);
    }

    private static void addGenerated(List<ContextEntry> entries, String name, String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        entries.add(ContextEntry.generated(name, 0600, content));
        for (int i = 0; i < entries.size(); i++) {
            ContextEntry e = entries.get(i);
            if (e.name().equals(DockerIgnore.FILE) && e.type() == ContextEntry.Type.FILE) {
                byte[] amended = (readString(e) + "\n" + name + "\n").getBytes(StandardCharsets.UTF_8);
                entries.set(i, new ContextEntry(e.name(), e.type(), e.mode(), amended.length, e.modTimeSeconds(), null, null, amended));
                return;
            }
        }
        // no .dockerignore of our own making may end up in the image either: it lists itself
        entries.add(ContextEntry.generated(DockerIgnore.FILE, 0600, (name + "\n" + DockerIgnore.FILE + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private static String readString(ContextEntry e) {
        try {
            return Files.readString(e.source(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new BuildException("Cannot read " + e.source() + ": " + ex.getMessage(), ex);
        }
    }

    // ---------------------------------------------------------------- accessors

    /** The context directory, absolute. */
    public Path directory() {
        return directory;
    }

    /** The Dockerfile's name inside the tar: what the engine is told to read. */
    public String dockerfile() {
        return dockerfile;
    }

    /** The Dockerfile's content. */
    public String dockerfileText() {
        return dockerfileText;
    }

    /** The Dockerfile on disk, or null for an inline one. */
    public Path dockerfileSource() {
        return dockerfileSource;
    }

    /** The context's own .dockerignore patterns. */
    public DockerIgnore ignore() {
        return ignore;
    }

    /** The entries, in tar order. */
    public List<ContextEntry> entries() {
        return entries;
    }

    /** The entry names, in tar order. */
    public List<String> names() {
        return entries.stream().map(ContextEntry::name).toList();
    }

    // ---------------------------------------------------------------- tar

    /** Writes the tar to {@code out} (left open). */
    public void writeTar(OutputStream out) throws IOException {
        ContextTarWriter.write(entries, out);
    }

    /** Writes the tar to {@code file}. */
    public Path writeTar(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTar(out);
        }
        return file;
    }

    static String slashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The walk of moby's {@code TarWithOptions} with one include ".". */
    private static final class Walker {
        private final Path root;
        private final DockerIgnore ignore;
        private final List<ContextEntry> entries;
        private final Map<Object, String> hardlinks = new HashMap<>();

        Walker(Path root, DockerIgnore ignore, List<ContextEntry> entries) {
            this.root = root;
            this.ignore = ignore;
            this.entries = entries;
        }

        void walk(Path dir, String relDir, DockerIgnore.Match dirMatch) throws IOException {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                stream.forEach(children::add);
            } catch (IOException e) {
                throw new BuildException("Cannot read the directory " + dir + " of the build context (" + e + "); make it readable or list "
                        + (relDir.isEmpty() ? "it" : relDir) + " in " + root.resolve(DockerIgnore.FILE) + ".", e);
            }
            children.sort((a, b) -> SlashPaths.BYTE_ORDER.compare(a.getFileName().toString(), b.getFileName().toString()));
            for (Path child : children) {
                String rel = relDir.isEmpty() ? child.getFileName().toString() : relDir + "/" + child.getFileName();
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue; // removed while we walk
                }
                DockerIgnore.Match match = ignore.matches(rel, dirMatch);
                if (match.excluded()) {
                    if (attrs.isDirectory() && ignore.hasExclusions() && ignore.mayIncludeBelow(rel)) {
                        walk(child, rel, match); // a "!" pattern may bring something below back; the directory itself stays out
                    }
                    continue;
                }
                ContextEntry entry = entry(child, rel, attrs);
                if (entry != null) {
                    entries.add(entry);
                }
                if (attrs.isDirectory()) {
                    walk(child, rel, match);
                }
            }
        }

        private ContextEntry entry(Path file, String rel, BasicFileAttributes attrs) throws IOException {
            long mtime = attrs.lastModifiedTime().to(TimeUnit.SECONDS);
            int mode = mode(file, attrs);
            if (attrs.isDirectory()) {
                return new ContextEntry(rel + "/", ContextEntry.Type.DIRECTORY, mode, 0, mtime, null, file, null);
            }
            if (attrs.isSymbolicLink()) {
                return new ContextEntry(rel, ContextEntry.Type.SYMLINK, mode, 0, mtime, Files.readSymbolicLink(file).toString(), file, null);
            }
            if (!attrs.isRegularFile()) {
                return null; // sockets, fifos, devices: not context material
            }
            if (!Files.isReadable(file)) {
                throw new BuildException("Cannot read " + file + " in the build context; make it readable or list " + rel + " in "
                        + root.resolve(DockerIgnore.FILE) + ".");
            }
            Object key = attrs.fileKey();
            if (key != null && linkCount(file) > 1) {
                String first = hardlinks.putIfAbsent(key, rel);
                if (first != null) {
                    return new ContextEntry(rel, ContextEntry.Type.HARDLINK, mode, 0, mtime, first, file, null);
                }
            }
            return new ContextEntry(rel, ContextEntry.Type.FILE, mode, attrs.size(), mtime, null, file, null);
        }

        private static int linkCount(Path file) {
            try {
                return ((Number) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return 1;
            }
        }

        /** Permission bits plus setuid/setgid/sticky, as Go's tar.FileInfoHeader; without POSIX modes, Docker's Windows rule. */
        private static int mode(Path file, BasicFileAttributes attrs) throws IOException {
            try {
                return ((Number) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS)).intValue() & 07777;
            } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
                try {
                    Set<PosixFilePermission> perms = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                            .permissions();
                    int mode = 0;
                    for (PosixFilePermission p : perms) {
                        mode |= 1 << (8 - p.ordinal());
                    }
                    return mode;
                } catch (UnsupportedOperationException windows) {
                    return 0755; // the CLI on Windows: (mode & 0755) | 0111, which is 0755 for ordinary files
                }
            }
        }
    }
}
