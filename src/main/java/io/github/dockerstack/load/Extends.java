package io.github.dockerstack.load;

import io.github.dockerstack.load.merge.Merger;
import io.github.dockerstack.load.yaml.Paths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves {@code extends} in one file: the base service (from the same file or from
 * {@code extends.file}, relative to this file's directory) is resolved first, recursively, and the
 * extending service is merged over it with the usual merge rules.
 */
final class Extends {
    private final FilePipeline pipeline;

    Extends(FilePipeline pipeline) {
        this.pipeline = pipeline;
    }

    void apply(FilePipeline.Loaded loaded) {
        Map<String, Object> services = Trees.map(loaded.root(), "services");
        for (String name : new ArrayList<>(services.keySet())) {
            services.put(name, resolve(loaded, name, new ArrayList<>()));
        }
    }

    private Map<String, Object> resolve(FilePipeline.Loaded loaded, String name, List<String> chain) {
        Map<String, Object> services = Trees.map(loaded.root(), "services");
        String path = Paths.key("services", name);
        if (!(services.get(name) instanceof Map<?, ?> raw)) {
            throw new ComposeException(loaded.sources().locate("services"), path,
                    "service '" + name + "' is not defined in " + loaded.file() + "; check the extends.service name");
        }
        Map<String, Object> service = Trees.cast(raw);
        if (!(service.get("extends") instanceof Map<?, ?> ext)) {
            return service;
        }
        String key = loaded.file() + "#" + name;
        if (chain.contains(key)) {
            chain.add(key);
            throw new ComposeException(loaded.sources().locate(path + ".extends"), path + ".extends",
                    "circular extends: " + String.join(" -> ", chain) + "; remove one of these extends");
        }
        chain.add(key);
        Object baseName = ext.get("service");
        if (!(baseName instanceof String baseService)) {
            throw new ComposeException(loaded.sources().locate(path + ".extends"), path + ".extends",
                    "extends needs 'service: <name>' naming the service to extend");
        }
        FilePipeline.Loaded baseFile = loaded;
        if (ext.get("file") instanceof String file) {
            Path own = loaded.file().getParent();
            Path other = own.resolve(file).normalize();
            if (!java.nio.file.Files.isRegularFile(other)) {
                throw new ComposeException(loaded.sources().locate(path + ".extends.file"), path + ".extends.file",
                        "extends file " + other + " does not exist; the path is relative to " + own);
            }
            baseFile = pipeline.load(other, other.getParent());
        }
        Map<String, Object> base = Trees.copyMap(resolve(baseFile, baseService, chain));
        Map<String, Object> own = new LinkedHashMap<>(service);
        own.remove("extends");
        Map<String, Object> result = Merger.mergeService(name, base, own, loaded.sources());
        result.remove("extends");
        services.put(name, result);
        return result;
    }
}
