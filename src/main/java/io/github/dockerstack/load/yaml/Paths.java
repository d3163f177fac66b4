package io.github.dockerstack.load.yaml;

/** Paths into a compose tree: {@code services.db.ports[0]}. */
public final class Paths {
    private Paths() {
    }

    public static String key(String parent, String key) {
        return parent == null || parent.isEmpty() ? key : parent + "." + key;
    }

    public static String index(String parent, int index) {
        return (parent == null ? "" : parent) + "[" + index + "]";
    }

    /** The parent path: drops the last {@code .key} or {@code [i]}; "" at the top. */
    public static String parent(String path) {
        if (path.endsWith("]")) {
            int open = path.lastIndexOf('[');
            if (open >= 0) {
                return path.substring(0, open);
            }
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
