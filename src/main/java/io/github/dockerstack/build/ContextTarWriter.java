package io.github.dockerstack.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes context entries as a tar: ustar headers, PAX records for long or non-ASCII names and
 * large values (as Go's archive/tar does), uid and gid 0 without names. Apache commons-compress
 * comes with docker-java.
 */
final class ContextTarWriter {
    private ContextTarWriter() {
    }

    static void write(List<ContextEntry> entries, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        for (ContextEntry e : entries) {
            TarArchiveEntry header = switch (e.type()) {
                case DIRECTORY -> new TarArchiveEntry(e.name(), TarConstants.LF_DIR);
                case FILE -> new TarArchiveEntry(e.name(), TarConstants.LF_NORMAL);
                case SYMLINK -> new TarArchiveEntry(e.name(), TarConstants.LF_SYMLINK);
                case HARDLINK -> new TarArchiveEntry(e.name(), TarConstants.LF_LINK);
            };
            header.setMode(e.mode());
            header.setIds(0, 0);
            header.setNames("", "");
            header.setModTime(FileTime.from(e.modTimeSeconds(), TimeUnit.SECONDS));
            if (e.linkTarget() != null) {
                header.setLinkName(e.linkTarget());
            }
            if (e.type() != ContextEntry.Type.FILE) {
                tar.putArchiveEntry(header);
                tar.closeArchiveEntry();
                continue;
            }
            if (e.content() != null) {
                header.setSize(e.content().length);
                tar.putArchiveEntry(header);
                tar.write(e.content());
            } else {
                // the size now, not at scan time: a file rewritten in between must not break the tar
                long size = Files.size(e.source());
                header.setSize(size);
                tar.putArchiveEntry(header);
                try (InputStream in = Files.newInputStream(e.source())) {
                    copy(in, tar, size);
                }
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.flush();
    }

    /** Copies exactly {@code size} bytes, padding with zeros if the file shrank meanwhile. */
    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                java.util.Arrays.fill(buffer, (byte) 0);
                while (left > 0) {
                    int pad = (int) Math.min(buffer.length, left);
                    out.write(buffer, 0, pad);
                    left -= pad;
                }
                return;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }
}
