package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.passes;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.dockerstack.load.validate.Shape.Attributes;
import io.github.dockerstack.load.validate.Shape.Dictionary;
import io.github.dockerstack.load.validate.Shape.OneOf;
import io.github.dockerstack.load.validate.Shape.Sequence;
import org.junit.jupiter.api.Test;

class UnsupportedAttributesTest {
    private final Check check = new UnsupportedAttributes();

    @Test
    void rejectsAServiceAttribute() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    isolation: process
                """), "services.web.isolation", 4, "'isolation' (Windows container isolation) is not supported by"
                + " docker-stack-maven-plugin", "remove it");
    }

    @Test
    void rejectsNestedAndTopLevelAttributes() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    networks:
                      back:
                        interface_name: eth7
                """), "services.web.networks.back.interface_name", 6, "'interface_name'", "not supported");
        assertProblem(fails(check, """
                services:
                  web:
                    build:
                      context: .
                      secrets: [token]
                """), "services.web.build.secrets", 5, "'secrets' (build secrets) is not supported");
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    volumes:
                      - type: bind
                        source: /src
                        target: /dst
                        bind: {recursive: readonly}
                """), "services.web.volumes[0].bind.recursive", 8, "'recursive'", "not supported");
        assertProblem(fails(check, """
                models:
                  llm: {model: ai/smollm2}
                """), "models", 1, "'models'", "not supported");
    }

    @Test
    void acceptsAttributesThatDockerComposeIgnoresOnUp() {
        passes(check, """
                services:
                  web:
                    image: nginx
                    develop:
                      watch: [{path: ./src, action: sync, target: /src}]
                    deploy:
                      placement: {constraints: [node.role==manager]}
                      update_config: {parallelism: 2}
                    build: {context: ., provenance: true, cache_to: [type=inline]}
                    secrets: [key]
                    gpus: null
                secrets:
                  key: {file: ./key, template_driver: golang}
                """);
    }

    @Test
    void everyUnsupportedAttributeExistsInTheSchema() {
        for (String schemaPath : UnsupportedAttributes.UNSUPPORTED.keySet()) {
            assertNotNull(resolve(ComposeSchema.ROOT, schemaPath), schemaPath);
        }
    }

    /** The shape at a schema path ({@code services.*.volumes[].bind}), or null when the schema has no such attribute. */
    private static Shape resolve(Shape shape, String schemaPath) {
        Shape current = shape;
        for (String segment : schemaPath.split("\\.")) {
            boolean items = segment.endsWith("[]");
            String key = items ? segment.substring(0, segment.length() - 2) : segment;
            current = step(current, key);
            if (current != null && items) {
                current = step(current, "[]");
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private static Shape step(Shape shape, String key) {
        if (shape instanceof OneOf oneOf) {
            return oneOf.alternatives().stream().map(a -> step(a, key)).filter(s -> s != null).findFirst().orElse(null);
        }
        if (shape instanceof Attributes attributes) {
            return attributes.attributes().get(key);
        }
        if (shape instanceof Dictionary dictionary && key.equals("*")) {
            return dictionary.values();
        }
        if (shape instanceof Sequence sequence && key.equals("[]")) {
            return sequence.items();
        }
        return null;
    }
}
