package io.github.dockerstack.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Test helpers: write a file tree, read a tar back. */
final class ContextFiles {
    private ContextFiles() {
    }

    /** Writes "path" to content pairs below {@code dir}. */
    static Path write(Path dir, String... pathsAndContents) throws IOException {
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path file = dir.resolve(pathsAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndContents[i + 1]);
        }
        return dir;
    }

    /** A tar entry as read back. */
    record TarItem(String name, boolean directory, boolean symlink, boolean hardlink, int mode, int uid, int gid, String userName,
                   String linkName, long modTimeSeconds, String content) {
    }

    static Map<String, TarItem> readTar(Path tar) throws IOException {
        Map<String, TarItem> items = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream t = new TarArchiveInputStream(in)) {
            TarArchiveEntry e;
            while ((e = t.getNextEntry()) != null) {
                String content = e.isFile() && !e.isLink() ? new String(t.readAllBytes(), StandardCharsets.UTF_8) : null;
                items.put(e.getName(), new TarItem(e.getName(), e.isDirectory(), e.isSymbolicLink(), e.isLink(), e.getMode(), (int) e.getLongUserId(),
                        (int) e.getLongGroupId(), e.getUserName(), e.getLinkName(), e.getModTime().getTime() / 1000, content));
            }
        }
        return items;
    }
}
