package io.github.dockerstack.load.canonical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The volumes item rule and the short volume syntax {@code [SOURCE:]TARGET[:MODE]} as compose-go's format.ParseVolume reads it:
 * a source starting with {@code .}, {@code /}, {@code ~} (or a Windows path) is a bind mount that
 * creates its host path, any other source names a volume, a target alone is an anonymous volume;
 * MODE is a comma list of {@code ro}, {@code rw}, {@code nocopy}, SELinux {@code z}/{@code Z} and
 * propagation values. A {@code C:} drive letter and {@code ${...}} never split.
 */
final class VolumeSyntax {
    static final String EXPECTED = "expected [SOURCE:]TARGET[:MODE], e.g. \"./data:/data:ro\" or \"db-data:/var/lib/db\"";
    private static final Set<String> PROPAGATIONS = Set.of("rprivate", "private", "rshared", "shared", "rslave", "slave");
    private static final Set<String> SELINUX = Set.of("z", "Z");
    // accepted for docker-compose v1 / Docker Desktop compatibility; they have no effect
    private static final Set<String> IGNORED = Set.of("cached", "delegated", "consistent", "");

    private VolumeSyntax() {
    }

    /**
     * The long form of one short volume.
     *
     * @throws IllegalArgumentException saying what is wrong (without the expected form)
     */
    static Map<String, Object> parse(String spec) {
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("the volume is empty");
        }
        Map<String, Object> volume = new LinkedHashMap<>();
        if (spec.length() <= 2) {
            volume.put("type", "volume");
            volume.put("target", cleanPath(spec));
            return volume;
        }
        List<String> sections = split(spec);
        String source = sections.size() >= 2 ? sections.get(0) : "";
        String target = sections.size() >= 2 ? sections.get(1) : sections.get(0);
        String mode = sections.size() == 3 ? sections.get(2) : "";

        boolean bind = isFilePath(source);
        boolean readOnly = false;
        boolean nocopy = false;
        String propagation = null;
        String selinux = null;
        for (String option : mode.split(",", -1)) {
            if (option.equals("ro")) {
                readOnly = true;
            } else if (option.equals("rw")) {
                readOnly = false;
            } else if (option.equals("nocopy")) {
                nocopy = true;
            } else if (PROPAGATIONS.contains(option)) {
                propagation = option;
            } else if (SELINUX.contains(option)) {
                selinux = option;
            } else if (!IGNORED.contains(option)) {
                throw new IllegalArgumentException("unknown mode '" + option + "' (use ro, rw, nocopy, z, Z or a propagation: "
                        + "rprivate, private, rshared, shared, rslave, slave; separate several with ',')");
            }
        }

        volume.put("type", bind ? "bind" : "volume");
        if (!source.isEmpty()) {
            volume.put("source", source);
        }
        volume.put("target", cleanPath(target));
        if (readOnly) {
            volume.put("read_only", true);
        }
        if (bind || propagation != null || selinux != null) {
            Map<String, Object> options = new LinkedHashMap<>();
            if (bind) {
                options.put("create_host_path", true); // docker-compose v1 created missing host paths
            }
            if (propagation != null) {
                options.put("propagation", propagation);
            }
            if (selinux != null) {
                options.put("selinux", selinux);
            }
            volume.put("bind", options);
        }
        if (!bind || nocopy) {
            Map<String, Object> options = new LinkedHashMap<>();
            if (nocopy) {
                options.put("nocopy", true);
            }
            volume.put("volume", options);
        }
        return volume;
    }

    /** Splits at ':' except after a drive letter and inside ${...}; one to three non-empty sections. */
    private static List<String> split(String spec) {
        List<String> sections = new ArrayList<>();
        StringBuilder buf = new StringBuilder();
        int depth = 0;
        for (int i = 0; i <= spec.length(); i++) {
            boolean end = i == spec.length();
            char c = end ? 0 : spec.charAt(i);
            if (!end && c == '$' && i + 1 < spec.length() && spec.charAt(i + 1) == '{') {
                depth++;
                buf.append(c);
            } else if (!end && c == '}' && depth > 0) {
                depth--;
                buf.append(c);
            } else if (!end && c == ':' && buf.length() == 1 && Character.isLetter(buf.charAt(0))) {
                buf.append(c); // a Windows drive letter
            } else if ((end || c == ':') && depth == 0) {
                if (buf.length() == 0) {
                    throw new IllegalArgumentException("a part between ':' is empty");
                }
                if (sections.size() == 2 && !end) {
                    throw new IllegalArgumentException("too many ':'-separated parts (use the long syntax for paths containing ':')");
                }
                sections.add(buf.toString());
                buf.setLength(0);
            } else {
                buf.append(c);
            }
        }
        return sections;
    }

    private static boolean isFilePath(String source) {
        if (source.isEmpty()) {
            return false;
        }
        char first = source.charAt(0);
        if (first == '.' || first == '/' || first == '~' || source.startsWith("\\\\")) {
            return true;
        }
        return source.length() > 1 && Character.isLetter(first) && source.charAt(1) == ':';
    }

    /** Go's path.Clean: collapses "//", "." and "..", drops a trailing '/'. */
    static String cleanPath(String path) {
        if (path.isEmpty()) {
            return "";
        }
        boolean rooted = path.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add(part);
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** volumes items: the short syntax becomes {type, source, target, ...}. */
    static Object rule(Object value, At at) {
        if (value instanceof Map) {
            return value;
        }
        if (!(value instanceof String spec)) {
            throw at.error("expected a volume (\"./src:/dst:ro\") or a mapping (type:, source:, target:, ...), not "
                    + Values.describe(value));
        }
        try {
            return parse(spec);
        } catch (IllegalArgumentException e) {
            throw at.error("invalid volume '" + spec + "': " + e.getMessage() + "; " + EXPECTED);
        }
    }
}
