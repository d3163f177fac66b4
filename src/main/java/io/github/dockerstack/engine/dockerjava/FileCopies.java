package io.github.dockerstack.engine.dockerjava;

import io.github.dockerstack.engine.ContainerSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** The tar archive that writes a container spec's files, unpacked by the engine at the container's root. */
final class FileCopies {
    private FileCopies() {
    }

    static byte[] tar(List<ContainerSpec.FileCopy> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            Date now = new Date();
            for (ContainerSpec.FileCopy file : files) {
                byte[] content = file.content().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.target()); // the leading '/' is dropped: relative to the root
                entry.setSize(content.length);
                entry.setMode(file.mode());
                entry.setModTime(now);
                entry.setUserId(file.uid() == null ? 0 : file.uid());
                entry.setGroupId(file.gid() == null ? 0 : file.gid());
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return out.toByteArray();
    }

    /** Whether the engine should keep the archive's owners: only when a file names one, as compose decides. */
    static boolean keepOwners(List<ContainerSpec.FileCopy> files) {
        return files.stream().anyMatch(f -> f.uid() != null || f.gid() != null);
    }
}
