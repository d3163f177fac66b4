package io.github.dockerstack.load.yaml;

import io.github.dockerstack.load.ComposeException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads a compose file into an untyped tree (LinkedHashMap, ArrayList, String, Long, Double,
 * Boolean, null; {@link Tagged} for {@code !reset}/{@code !override}) plus a {@link SourceMap}.
 * Scalars resolve by the YAML 1.2 core schema, as compose's Go YAML library does; anchors and
 * aliases are expanded, {@code <<} merge keys applied, duplicate keys rejected with both places.
 */
public final class YamlReader {
    private static final Pattern OCTAL = Pattern.compile("[-+]?0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F]+");
    /** Go's YAML library parses integers with base prefix detection: a leading 0 means octal (file modes). */
    private static final Pattern LEADING_ZERO_OCTAL = Pattern.compile("[-+]?0[0-7]+");
    private static final String MERGE_KEY = "<<";

    private YamlReader() {
    }

    /** The documents of a file; compose files normally hold one. */
    public static List<YamlDocument> read(Path file, String content) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file == null ? "<input>" : file.toString())
                .setAllowDuplicateKeys(true) // checked here, to report both locations
                .setSchema(new CoreSchema())
                .setCodePointLimit(Integer.MAX_VALUE)
                .setMaxAliasesForCollections(1000)
                .build();
        List<YamlDocument> docs = new ArrayList<>();
        try {
            for (Node node : new Compose(settings).composeAllFromString(content)) {
                SourceMap sources = new SourceMap(file);
                Object root = new Converter(file, sources).convert(node, "");
                if (root == null) {
                    continue;
                }
                if (!(root instanceof Map)) {
                    throw new ComposeException(location(file, node.getStartMark()), "",
                            "the top level must be a mapping (services:, networks:, ...), not " + describe(root));
                }
                docs.add(new YamlDocument(file, castMap(root), sources));
            }
        } catch (MarkedYamlEngineException e) {
            Location at = location(file, e.getProblemMark());
            throw new ComposeException(at, null, "invalid YAML: " + e.getProblem() + " (" + e.getContext() + "); fix the syntax at this line", e);
        } catch (YamlEngineException e) {
            throw new ComposeException(Location.of(file), null, "invalid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    static Location location(Path file, Optional<Mark> mark) {
        return mark.map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1)).orElse(Location.of(file));
    }

    static String describe(Object value) {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return value == null ? "null" : "the value '" + value + "'";
    }

    /** Converts one document's node graph; keeps a guard against recursive aliases. */
    private static final class Converter {
        private final Path file;
        private final SourceMap sources;
        private final IdentityHashMap<Node, Boolean> inProgress = new IdentityHashMap<>();

        Converter(Path file, SourceMap sources) {
            this.file = file;
            this.sources = sources;
        }

        Object convert(Node node, String path) {
            sources.put(path, location(file, node.getStartMark()));
            if (inProgress.put(node, Boolean.TRUE) != null) {
                throw new ComposeException(location(file, node.getStartMark()), path, "a YAML alias refers to itself; remove the recursion");
            }
            try {
                Object value = switch (node.getNodeType()) {
                    case MAPPING -> mapping((MappingNode) node, path);
                    case SEQUENCE -> sequence((SequenceNode) node, path);
                    default -> scalar((ScalarNode) node, path);
                };
                return tagged(node, value, path);
            } finally {
                inProgress.remove(node);
            }
        }

        private Object tagged(Node node, Object value, String path) {
            String tag = node.getTag().getValue();
            if (Tag.ENV_TAG.equals(node.getTag())) {
                return value;
            }
            if ("!reset".equals(tag)) {
                return new Tagged(Tagged.Tag.RESET, value);
            }
            if ("!override".equals(tag)) {
                return new Tagged(Tagged.Tag.OVERRIDE, value);
            }
            if (tag.startsWith("!") && !tag.startsWith("!!")) {
                throw new ComposeException(location(file, node.getStartMark()), path,
                        "unknown YAML tag " + tag + "; compose accepts only !reset and !override");
            }
            return value;
        }

        private Map<String, Object> mapping(MappingNode node, String path) {
            Map<String, Object> map = new LinkedHashMap<>();
            Map<String, Location> seen = new LinkedHashMap<>();
            List<Map<String, Object>> merges = new ArrayList<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode keyScalar)) {
                    throw new ComposeException(location(file, keyNode.getStartMark()), path, "a mapping key must be a plain value, not a "
                            + keyNode.getNodeType().name().toLowerCase());
                }
                String key = keyScalar.getValue();
                Location keyAt = location(file, keyNode.getStartMark());
                if (MERGE_KEY.equals(key) && keyScalar.getScalarStyle() == ScalarStyle.PLAIN) {
                    merges.addAll(mergeSources(tuple.getValueNode(), path));
                    continue;
                }
                Location first = seen.put(key, keyAt);
                if (first != null) {
                    throw new ComposeException(keyAt, Paths.key(path, key),
                            "duplicate key '" + key + "' (first at line " + first.line() + "); keep only one");
                }
                String childPath = Paths.key(path, key);
                Object value = convert(tuple.getValueNode(), childPath);
                sources.put(childPath, keyAt);
                map.put(key, value);
            }
            // merge keys: explicit keys win, then earlier sources win over later ones (YAML merge spec)
            for (Map<String, Object> source : merges) {
                source.forEach(map::putIfAbsent);
            }
            return map;
        }

        private List<Map<String, Object>> mergeSources(Node valueNode, String path) {
            List<Map<String, Object>> out = new ArrayList<>();
            List<Node> nodes = valueNode instanceof SequenceNode seq ? seq.getValue() : List.of(valueNode);
            for (Node n : nodes) {
                Object v = convert(n, path);
                if (!(v instanceof Map)) {
                    throw new ComposeException(location(file, n.getStartMark()), path, "a '<<' merge key needs a mapping or a list of mappings");
                }
                out.add(castMap(v));
            }
            return out;
        }

        private List<Object> sequence(SequenceNode node, String path) {
            List<Object> list = new ArrayList<>();
            int i = 0;
            for (Node item : node.getValue()) {
                list.add(convert(item, Paths.index(path, i++)));
            }
            return list;
        }

        private Object scalar(ScalarNode node, String path) {
            String text = node.getValue();
            Tag tag = node.getTag();
            // snakeyaml-engine tags plain ${VAR} scalars as !ENV_VARIABLE: for compose they are strings
            if (node.getScalarStyle() != ScalarStyle.PLAIN || Tag.STR.equals(tag) || Tag.ENV_TAG.equals(tag)) {
                return text;
            }
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                return Boolean.parseBoolean(text.toLowerCase());
            }
            if (Tag.INT.equals(tag)) {
                return integer(text);
            }
            if (Tag.FLOAT.equals(tag)) {
                return floating(text);
            }
            return text;
        }

        private static Object integer(String text) {
            try {
                BigInteger value;
                if (OCTAL.matcher(text).matches()) {
                    value = new BigInteger(text.replace("0o", ""), 8);
                } else if (LEADING_ZERO_OCTAL.matcher(text).matches()) {
                    value = new BigInteger(text.replaceFirst("0", ""), 8);
                } else if (HEX.matcher(text).matches()) {
                    value = new BigInteger(text.replace("0x", ""), 16);
                } else {
                    value = new BigInteger(text);
                }
                return value.bitLength() < 64 ? (Object) value.longValue() : text;
            } catch (NumberFormatException e) {
                return text;
            }
        }

        private static Object floating(String text) {
            String t = text.toLowerCase();
            if (t.endsWith(".inf")) {
                return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (t.equals(".nan")) {
                return Double.NaN;
            }
            return Double.parseDouble(text);
        }
    }
}
