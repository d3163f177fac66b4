package io.github.dockerstack.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sha256 over everything that decides what a build produces: the context after .dockerignore
 * (paths, types, modes, link targets, file contents; not times or owners, which the tar does not
 * carry either), the Dockerfile, build args, target, labels, platform and the ids of the base
 * images. Kept as the image label {@link #LABEL}: an image whose label equals the hash of the
 * current inputs needs no build.
 */
public final class BuildHash {
    /** The image label holding the hash. */
    public static final String LABEL = "io.github.dockerstack.build-hash";
    private static final String VERSION = "docker-stack build-hash 1";

    private BuildHash() {
    }

    /**
     * The hash of a build.
     *
     * @param context the scanned context
     * @param args build args (null values are left out, as they are not sent)
     * @param target target stage, or null
     * @param labels labels the build adds
     * @param platform platform, or null
     * @param baseImages base image reference to the local image id (or a marker when missing)
     * @return "sha256:" and 64 hex digits
     */
    public static String of(BuildContext context, Map<String, String> args, String target, Map<String, String> labels, String platform,
                            Map<String, String> baseImages) {
        MessageDigest digest = sha256();
        field(digest, VERSION);
        for (ContextEntry e : context.entries()) {
            field(digest, e.type().name());
            field(digest, e.name());
            field(digest, Integer.toOctalString(e.mode()));
            field(digest, e.linkTarget());
            if (e.type() == ContextEntry.Type.FILE) {
                field(digest, contentHash(e));
            }
        }
        field(digest, "dockerfile");
        field(digest, context.dockerfile());
        field(digest, HexFormat.of().formatHex(BuildContext.sha256(context.dockerfileText().getBytes(StandardCharsets.UTF_8))));
        map(digest, "args", args);
        field(digest, "target");
        field(digest, target);
        map(digest, "labels", labels);
        field(digest, "platform");
        field(digest, platform);
        map(digest, "base images", baseImages);
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static String contentHash(ContextEntry e) {
        if (e.content() != null) {
            return HexFormat.of().formatHex(BuildContext.sha256(e.content()));
        }
        MessageDigest content = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(e.source())) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                content.update(buffer, 0, n);
            }
        } catch (IOException ex) {
            throw new BuildException("Cannot read " + e.source() + " in the build context: " + ex.getMessage(), ex);
        }
        return HexFormat.of().formatHex(content.digest());
    }

    private static void map(MessageDigest digest, String name, Map<String, String> values) {
        field(digest, name);
        Map<String, String> sorted = new TreeMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                if (v != null) {
                    sorted.put(k, v);
                }
            });
        }
        sorted.forEach((k, v) -> {
            field(digest, k);
            field(digest, v);
        });
    }

    /** Length-prefixed, so no two different inputs give the same byte stream; null differs from "". */
    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
