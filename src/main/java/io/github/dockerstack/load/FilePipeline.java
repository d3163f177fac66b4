package io.github.dockerstack.load;

import io.github.dockerstack.load.canonical.Canonicalizer;
import io.github.dockerstack.load.interp.Interpolator;
import io.github.dockerstack.load.merge.Merger;
import io.github.dockerstack.load.yaml.Location;
import io.github.dockerstack.load.yaml.SourceMap;
import io.github.dockerstack.load.yaml.YamlDocument;
import io.github.dockerstack.load.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The per-file stages: read, interpolate, canonical, relative paths. Results are cached per file
 * and base directory, since {@code extends} may read the same file many times.
 */
final class FilePipeline {
    /** One file's canonical tree and where its nodes came from. */
    record Loaded(Path file, Map<String, Object> root, SourceMap sources) {
    }

    private final Function<String, String> lookup;
    private final Consumer<String> warnings;
    private final Map<String, Loaded> cache = new HashMap<>();

    FilePipeline(Function<String, String> lookup, Consumer<String> warnings) {
        this.lookup = lookup;
        this.warnings = warnings;
    }

    /** The file's canonical tree with paths resolved against {@code baseDir}; callers get their own copy. */
    Loaded load(Path file, Path baseDir) {
        Loaded cached = cache.computeIfAbsent(file + "\u0000" + baseDir, k -> read(file, baseDir));
        return new Loaded(cached.file(), Trees.copyMap(cached.root()), cached.sources());
    }

    private Loaded read(Path file, Path baseDir) {
        List<YamlDocument> docs = YamlReader.read(file, content(file));
        SourceMap sources = new SourceMap(file);
        Map<String, Object> merged = null;
        for (YamlDocument doc : docs) {
            Map<String, Object> tree = Interpolator.interpolate(doc.root(), doc.sources(), lookup, warnings);
            tree = Canonicalizer.canonical(tree, doc.sources());
            merged = merged == null ? tree : Merger.merge(merged, tree, doc.sources());
            sources.putAll(doc.sources());
        }
        if (merged == null) {
            throw new ComposeException(Location.of(file), null, "the compose file is empty; add at least a services: section");
        }
        RelativePaths.resolve(merged, baseDir);
        return new Loaded(file, merged, sources);
    }

    static String content(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ComposeException(Location.of(file), null, "cannot read the file: " + e.getMessage(), e);
        }
    }
}
