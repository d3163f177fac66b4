package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames become lines, whatever the frames' boundaries. */
class LineSplitterTest {
    final LineSplitter splitter = new LineSplitter();
    final List<String> lines = new ArrayList<>();

    void feed(String text) {
        splitter.feed(text.getBytes(StandardCharsets.UTF_8), lines::add);
    }

    @Test
    void oneFrameWithSeveralLines() {
        feed("a\nb\n");
        assertEquals(List.of("a", "b"), lines);
    }

    @Test
    void aLineSplitAcrossFramesIsDeliveredOnce() {
        feed("par");
        assertEquals(List.of(), lines);
        feed("tial\nnext");
        assertEquals(List.of("partial"), lines);
        feed("\n");
        assertEquals(List.of("partial", "next"), lines);
    }

    @Test
    void aCharacterSplitAcrossFramesIsDecodedWhole() {
        byte[] bytes = "caf\u00e9 \u2713\n".getBytes(StandardCharsets.UTF_8);
        splitter.feed(Arrays.copyOfRange(bytes, 0, 4), lines::add); // "caf" + the first byte of é
        splitter.feed(Arrays.copyOfRange(bytes, 4, bytes.length), lines::add);
        assertEquals(List.of("caf\u00e9 \u2713"), lines);
    }

    @Test
    void carriageReturnsOfATtyAreDroppedAndEmptyLinesKept() {
        feed("one\r\n\r\ntwo\n");
        assertEquals(List.of("one", "", "two"), lines);
    }

    @Test
    void flushDeliversALastLineWithoutBreakOnlyOnce() {
        feed("done\nno newline");
        splitter.flush(lines::add);
        splitter.flush(lines::add);
        assertEquals(List.of("done", "no newline"), lines);
    }
}
