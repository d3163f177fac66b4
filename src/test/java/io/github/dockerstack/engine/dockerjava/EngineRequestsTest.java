package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import io.github.dockerstack.engine.EngineException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineRequestsTest {
    private final List<String> sent = new ArrayList<>();
    private int status;
    private String body = "";

    /** Answers every request with {@link #status} and {@link #body}, and records it. */
    private final DockerHttpClient http = new DockerHttpClient() {
        @Override
        public Response execute(Request request) {
            sent.add(request.method() + " " + request.path() + (request.body() == null ? "" : " with a body"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return new Response() {
                @Override
                public int getStatusCode() {
                    return status;
                }

                @Override
                public Map<String, List<String>> getHeaders() {
                    return Map.of();
                }

                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(bytes);
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public void close() {
        }
    };

    private final EngineRequests requests = new EngineRequests(http);

    private void answer(int status, String body) {
        this.status = status;
        this.body = body;
    }

    @Test
    void aCallSendsNoBodyAndReturnsTheJsonAnswer() {
        answer(200, "{\"StatusCode\":3}");
        assertEquals(3, requests.call("wait for container x", Method.POST, "/containers/x/wait").path("StatusCode").asInt());
        answer(204, "");
        assertTrue(requests.call("remove container x", Method.DELETE, "/containers/x?force=true&v=false").isMissingNode());
        assertEquals(List.of("POST /containers/x/wait", "DELETE /containers/x?force=true&v=false"), sent);
    }

    @Test
    void notModifiedIsSuccess() {
        answer(304, "");
        assertTrue(requests.call("start container x", Method.POST, "/containers/x/start").isMissingNode());
    }

    @Test
    void errorsCarryTheEnginesMessageAndTheirKind() {
        answer(404, "{\"message\":\"No such container: x\"}");
        EngineException notFound = assertThrows(EngineException.class, () -> requests.call("start container x", Method.POST, "/x"));
        assertInstanceOf(EngineException.NotFound.class, notFound);
        assertEquals("start container x: No such container: x", notFound.getMessage());

        answer(409, "{\"message\":\"Container x is not running\"}");
        EngineException conflict = assertThrows(EngineException.class, () -> requests.call("kill container x", Method.POST, "/x"));
        assertInstanceOf(EngineException.Conflict.class, conflict);
        assertEquals("kill container x: Container x is not running", conflict.getMessage());

        answer(500, "not json");
        EngineException other = assertThrows(EngineException.class, () -> requests.call("remove network n", Method.DELETE, "/x"));
        assertEquals(EngineException.class, other.getClass());
        assertEquals("remove network n: the engine answered 500: not json", other.getMessage());
    }

    @Test
    void aReadOfSomethingMissingIsEmptyOrNotFoundAsAsked() {
        answer(404, "{\"message\":\"no such image\"}");
        assertTrue(requests.get("inspect image i", "/images/i/json").isEmpty());
        assertInstanceOf(EngineException.NotFound.class, assertThrows(EngineException.class,
                () -> requests.require("inspect image i", "/images/i/json")));
    }
}
