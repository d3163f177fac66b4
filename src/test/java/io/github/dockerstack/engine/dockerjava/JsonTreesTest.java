package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTreesTest {
    private static final String DOC = "{\"Id\":\"abc\",\"State\":{\"Running\":true,\"ExitCode\":0,\"Pid\":4294967296,\"Error\":null},"
            + "\"Labels\":{\"a\":\"1\",\"b\":\"x\\\"y\"},\"Big\":123456789012345678901234567890,\"Ratio\":0.5,\"Empty\":[],"
            + "\"Names\":[\"/one\",\"/two\"],\"Nested\":[[1,2],{\"k\":false}]}";

    @Test
    void parsesAsJacksonsOwnReaderDoes() throws IOException {
        JsonNode ours = JsonTrees.read(DOC.getBytes(StandardCharsets.UTF_8));
        assertEquals(new ObjectMapper().readTree(DOC), ours);
        assertEquals(4294967296L, ours.path("State").path("Pid").longValue());
        assertTrue(ours.path("State").path("Error").isNull());
        assertTrue(ours.path("Big").isBigInteger());
    }

    @Test
    void writesCompactlyAndIndentedAsJacksonsOwnWriterDoes() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode tree = JsonTrees.read(new ByteArrayInputStream(DOC.getBytes(StandardCharsets.UTF_8)));
        assertEquals(mapper.writeValueAsString(mapper.readTree(DOC)), JsonTrees.write(tree, false));
        assertEquals(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(DOC)), JsonTrees.write(tree, true));
    }

    @Test
    void anEmptyBodyIsAMissingNodeAndMalformedJsonAnError() throws IOException {
        assertTrue(JsonTrees.read(new byte[0]).isMissingNode());
        assertThrows(IOException.class, () -> JsonTrees.read("{\"a\":".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void helpersReadTextMapsAndLists() throws IOException {
        JsonNode tree = JsonTrees.read(DOC.getBytes(StandardCharsets.UTF_8));
        assertEquals("abc", JsonTrees.text(tree.path("Id")));
        assertEquals(null, JsonTrees.text(tree.path("State").path("Error")));
        assertEquals(null, JsonTrees.text(tree.path("nothing")));
        assertEquals(Map.of("a", "1", "b", "x\"y"), JsonTrees.strings(tree.path("Labels")));
        assertEquals(null, JsonTrees.strings(tree.path("Names")));
        assertEquals(List.of("/one", "/two"), JsonTrees.textList(tree.path("Names")));
    }

    @Test
    void labelFiltersAreTheEnginesFilterJson() {
        String query = EngineRequests.filters(new java.util.LinkedHashMap<>(Map.of("com.docker.compose.project", "p")), "container");
        assertEquals("filters=" + EngineRequests.query("{\"type\":[\"container\"],\"label\":[\"com.docker.compose.project=p\"]}"), query);
    }
}
