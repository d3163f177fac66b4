package io.github.dockerstack.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.stack.StackEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The logs goal's translation of its parameters, and how container lines are printed. */
class LogsMojoTest {
    @Test
    void tailIsAllOrACount() throws Exception {
        assertNull(LogsMojo.tail("all"));
        assertNull(LogsMojo.tail("ALL"));
        assertNull(LogsMojo.tail(null));
        assertNull(LogsMojo.tail("-1"), "negative means all, as the engine takes it");
        assertEquals(100, LogsMojo.tail(" 100 "));
        assertEquals(0, LogsMojo.tail("0"));
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> LogsMojo.tail("ten"));
        assertEquals("docker-stack.tail: 'ten' is not a number of lines; use a number like 100, or all.", e.getMessage());
    }

    @Test
    void linesArePrintedAsTheyAreWithoutMavensLevel() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ContainerOutput output = new ContainerOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        output.print(StackEvent.output("web", "web-1  | ", "GET /"));
        output.print(StackEvent.output("db", "db-1   | ", "ready"));
        assertEquals("web-1  | GET /\ndb-1   | ready\n", bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void inColourEachServiceKeepsItsOwnColourForTheColumnOnly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ContainerOutput output = new ContainerOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        output.print(StackEvent.output("web", "web-1  | ", "one"));
        output.print(StackEvent.output("db", "db-1   | ", "two"));
        output.print(StackEvent.output("web", "web-2  | ", "three"));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals("\u001b[36mweb-1  | \u001b[0mone", lines[0]);
        assertEquals("\u001b[33mdb-1   | \u001b[0mtwo", lines[1]);
        assertEquals("\u001b[36mweb-2  | \u001b[0mthree", lines[2]);
        assertTrue(lines.length == 3);
    }
}
