package io.github.dockerstack.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Makes the paths of one canonical file absolute against its base directory (the project
 * directory for the project's own files, the file's directory for {@code extends} and
 * {@code include} sources): build contexts, env files, bind sources (with {@code ~}), secret and
 * config files.
 */
final class RelativePaths {
    private RelativePaths() {
    }

    static void resolve(Map<String, Object> root, Path baseDir) {
        Trees.map(root, "services").values().forEach(s -> {
            if (s instanceof Map<?, ?> service) {
                resolveService(Trees.cast(service), baseDir);
            }
        });
        for (String section : List.of("secrets", "configs")) {
            Trees.map(root, section).values().forEach(o -> {
                if (o instanceof Map<?, ?> def) {
                    Trees.cast(def).computeIfPresent("file", (k, v) -> absolute(baseDir, v));
                }
            });
        }
    }

    static void resolveService(Map<String, Object> service, Path baseDir) {
        if (service.get("build") instanceof Map<?, ?> build) {
            Trees.cast(build).computeIfPresent("context", (k, v) -> isRemote(v) ? v : absolute(baseDir, v));
        }
        for (Object envFile : Trees.list(service, "env_file")) {
            if (envFile instanceof Map<?, ?> e) {
                Trees.cast(e).computeIfPresent("path", (k, v) -> absolute(baseDir, v));
            }
        }
        service.computeIfPresent("label_file", (k, files) -> files instanceof List<?> list
                ? list.stream().map(f -> absolute(baseDir, f)).toList()
                : absolute(baseDir, files));
        for (Object volume : Trees.list(service, "volumes")) {
            if (volume instanceof Map<?, ?> v && "bind".equals(v.get("type"))) {
                Trees.cast(v).computeIfPresent("source", (k, src) -> absolute(baseDir, src));
            }
        }
    }

    private static boolean isRemote(Object context) {
        String s = String.valueOf(context);
        return s.contains("://") || s.startsWith("git@") || s.startsWith("github.com/");
    }

    static Object absolute(Path baseDir, Object value) {
        if (!(value instanceof String s) || s.isEmpty()) {
            return value;
        }
        if (s.equals("~") || s.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(s.equals("~") ? "" : s.substring(2)).normalize().toString();
        }
        return baseDir.resolve(s).toAbsolutePath().normalize().toString();
    }
}
