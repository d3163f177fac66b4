package io.github.dockerstack.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The escape sequences the block writes; ESC is shown as {@code ~} to keep the expectations readable. */
class ProgressBlockTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;
    private final ProgressBlock block = new ProgressBlock(out, "[INFO] ", () -> now, false);

    private String written() {
        String s = bytes.toString(StandardCharsets.UTF_8).replace('\u001b', '~');
        bytes.reset();
        return s;
    }

    @Test
    void newRowsGoBelowAndAChangedRowIsRewrittenInPlace() {
        assertTrue(block.step("Network shop_default  Created  0.1s"));
        assertEquals("~[2K[INFO] Network shop_default  Created  0.1s\n", written());
        block.step("Container shop-db-1  Created  0.1s");
        assertEquals("~[1A\r~[2K[INFO] Network shop_default  Created  0.1s\n~[2K[INFO] Container shop-db-1  Created  0.1s\n", written());
        block.step("Container shop-web-1  Created  0.1s");
        written();
        block.step("Container shop-db-1  Started  0.3s");
        assertEquals("~[2A\r~[2K[INFO] Container shop-db-1  Started  0.3s\n~[1B", written(), "up to its row, rewrite, back down");
        block.step("Container shop-web-1  Started  0.2s");
        assertEquals("~[1A\r~[2K[INFO] Container shop-web-1  Started  0.2s\n", written(), "the last row needs no way back");
    }

    @Test
    void aRowStillGoingShowsItsTimeSoFarUntilItsNextState() {
        block.step("Container shop-db-1  Started  0.3s");
        block.step("Container shop-web-1  Started  0.2s");
        now = 1_000_000_000L;
        block.step("Container shop-db-1  Waiting");
        written();
        now = 3_400_000_000L;
        block.tick();
        assertEquals("~[2A\r~[2K[INFO] Container shop-db-1  Waiting  2.4s\n~[1B", written());
        block.step("Container shop-db-1  Running");
        written();
        block.tick();
        assertEquals("", written(), "nothing is going any more");
    }

    @Test
    void otherLinesGoAboveTheBlock() {
        block.step("Container shop-db-1  Created  0.1s");
        written();
        assertFalse(block.step("Optional dependency 'metrics' is unhealthy; starting web anyway"));
        block.above(() -> out.println("[WARNING] something"));
        assertEquals("~[1A\r~[J[WARNING] something\n~[2K[INFO] Container shop-db-1  Created  0.1s\n", written());
    }

    @Test
    void aFinishedBlockStaysAndTheNextStartsBelowIt() {
        block.step("Container shop-db-1  Stopped  0.4s");
        block.finish();
        written();
        block.step("Container shop-db-1  Removed  0.1s");
        assertEquals("~[2K[INFO] Container shop-db-1  Removed  0.1s\n", written());
    }
}
