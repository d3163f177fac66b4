package ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * mvn verify -Psubset (`docker-compose up postgres redis`): only those two run. up waited for their healthchecks;
 * nothing of them is published, and the backend and mongo do not exist.
 */
@Tag("subset")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SubsetIT {
    @Test
    void onlyTheNamedServicesRun() {
        assertEquals(Set.of("postgres", "redis"), StackProperties.services());
        assertEquals("ports-example", System.getProperty("docker-stack.project"));
    }

    @Test
    void theBackendIsNotThereSoNothingIsPublished() {
        assertNull(System.getProperty("docker-stack.backend.host"));
        assertNull(System.getProperty("docker-stack.backend.port.3000"));
        assertEquals(Set.of(), StackProperties.publishedPorts("postgres"));
        assertEquals(Set.of(), StackProperties.publishedPorts("redis"));
    }
}
