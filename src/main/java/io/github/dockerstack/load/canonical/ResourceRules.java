package io.github.dockerstack.load.canonical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The rules for the top level and the project resources (networks, volumes, secrets, configs, include). */
final class ResourceRules {
    static final List<String> SECTIONS = List.of("services", "networks", "volumes", "secrets", "configs");

    private ResourceRules() {
    }

    /** The root: {@code version} is obsolete and goes; an empty section ({@code volumes:}) is an empty mapping. */
    static Object root(Object value, At at) {
        Map<String, Object> root = ServiceRules.copy((Map<?, ?>) value);
        root.remove("version");
        for (String section : SECTIONS) {
            if (root.containsKey(section) && root.get(section) == null) {
                root.put(section, new LinkedHashMap<>());
            }
        }
        return root;
    }

    /** Legacy {@code external: {name: x}} is {@code external: true, name: x}. */
    static Object external(Object value, At at) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("external") instanceof Map<?, ?> external)) {
            return value;
        }
        Map<String, Object> resource = ServiceRules.copy(map);
        resource.put("external", true);
        if (external.containsKey("name")) {
            Object legacy = external.get("name");
            if (resource.containsKey("name") && !Objects.equals(resource.get("name"), legacy)) {
                throw at.key("external").error("name '" + resource.get("name") + "' and external.name '" + legacy
                        + "' conflict; keep only name (external.name is deprecated)");
            }
            resource.put("name", legacy);
        }
        return resource;
    }

    /** include items: a path is {path: [path]}; path and env_file are lists. */
    static Object include(Object value, At at) {
        if (!(value instanceof Map<?, ?> map)) {
            String path = Values.text(value);
            if (path == null) {
                throw at.error("expected a file path or a mapping (path:, project_directory:, env_file:), not " + Values.describe(value));
            }
            return ServiceRules.single("path", list(path));
        }
        Map<String, Object> include = ServiceRules.copy(map);
        for (String key : List.of("path", "env_file")) {
            if (Values.isScalar(include.get(key))) {
                include.put(key, list(include.get(key)));
            }
        }
        return include;
    }

    private static List<Object> list(Object item) {
        List<Object> list = new ArrayList<>();
        list.add(item);
        return list;
    }
}
