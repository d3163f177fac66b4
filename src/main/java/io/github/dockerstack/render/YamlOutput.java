package io.github.dockerstack.render;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Writes a rendered tree as compose's YAML: block style, 2-space indent with list items indented
 * under their key, no line folding, strings double-quoted only when they would read back as
 * another type, multi-line strings as literal blocks.
 */
final class YamlOutput {
    private static final CoreSchema SCHEMA = new CoreSchema();
    private static final ScalarResolver RESOLVER = SCHEMA.getScalarResolver();
    private static final DumpSettings SETTINGS = DumpSettings.builder()
            .setSchema(SCHEMA)
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setWidth(Integer.MAX_VALUE / 2)
            .setSplitLines(false)
            .build();

    private YamlOutput() {
    }

    static String write(Object tree) {
        Output out = new Output();
        new Dump(SETTINGS).dumpNode(node(tree), out);
        return out.toString();
    }

    private static Node node(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<NodeTuple> tuples = new ArrayList<>();
            m.forEach((k, val) -> tuples.add(new NodeTuple(string(String.valueOf(k)), node(val))));
            return new MappingNode(Tag.MAP, tuples, FlowStyle.BLOCK);
        }
        if (v instanceof List<?> l) {
            List<Node> items = new ArrayList<>();
            l.forEach(item -> items.add(node(item)));
            return new SequenceNode(Tag.SEQ, items, FlowStyle.BLOCK);
        }
        if (v == null) {
            return new ScalarNode(Tag.NULL, "null", ScalarStyle.PLAIN);
        }
        if (v instanceof String s) {
            return string(s);
        }
        String text;
        if (v instanceof Float f) {
            text = GoNumbers.yamlFloat(f, true);
        } else if (v instanceof Double d) {
            text = GoNumbers.yamlFloat(d, false);
        } else {
            text = String.valueOf(v);
        }
        // tag the scalar as what its text reads back as, so no explicit tag is printed (a float 2 prints as 2)
        return new ScalarNode(RESOLVER.resolve(text, true), text, ScalarStyle.PLAIN);
    }

    private static Node string(String s) {
        ScalarStyle style;
        if (s.contains("\n")) {
            style = ScalarStyle.LITERAL;
        } else if (GoYamlScalars.needsDoubleQuotes(s)) {
            style = ScalarStyle.DOUBLE_QUOTED;
        } else {
            style = ScalarStyle.PLAIN; // the emitter falls back to single quotes when plain is not possible
        }
        return new ScalarNode(Tag.STR, s, style);
    }

    private static final class Output extends StringWriter implements StreamDataWriter {
        @Override
        public void flush() {
            // nothing buffered
        }
    }
}
