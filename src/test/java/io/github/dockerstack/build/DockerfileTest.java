package io.github.dockerstack.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Instructions, their lines and the steps the classic builder numbers. */
class DockerfileTest {

    @Test
    void instructionsKeepTheirFirstLine() {
        Dockerfile d = Dockerfile.parse("Dockerfile", """
                # syntax=docker/dockerfile:1

                # a comment
                FROM busybox:latest AS base
                RUN echo one \\
                    two \\
                # comment inside a continuation

                    three
                COPY a b
                """);
        assertEquals(List.of("FROM", "RUN", "COPY"), d.instructions().stream().map(Dockerfile.Instruction::keyword).toList());
        assertEquals(List.of(4, 5, 10), d.instructions().stream().map(Dockerfile.Instruction::line).toList());
        assertEquals("echo one     two     three", d.instructions().get(1).arguments());
        assertEquals(9, d.instructions().get(1).endLine());
    }

    @Test
    void stepsCountArgsBeforeTheFirstFromAndEveryInstruction() {
        Dockerfile d = Dockerfile.parse("Dockerfile", """
                ARG BASE=busybox:latest
                FROM $BASE AS build
                RUN true

                FROM busybox:latest
                COPY --from=build /x /y
                RUN false
                """);
        assertEquals("ARG", d.step(1).keyword());
        assertEquals(7, d.step(6).line());
        assertNull(d.step(7), "the LABEL step the builder adds for labels is not in the file");
    }

    @Test
    void flagsAreSplitFromArguments() {
        Dockerfile.Instruction in = Dockerfile.parse("Dockerfile", "FROM x\nCOPY --chown=1:1 --link src/ /app/\n").step(2);
        assertEquals(Map.of("chown", "1:1", "link", ""), in.flags());
        assertEquals("src/ /app/", in.arguments());
    }

    @Test
    void theEscapeDirectiveChangesTheContinuationCharacter() {
        Dockerfile d = Dockerfile.parse("Dockerfile", "# escape=`\nFROM x\nRUN dir `\n  c:\\\nCOPY a b\n");
        assertEquals('`', d.escape());
        assertEquals(List.of(2, 3, 5), d.instructions().stream().map(Dockerfile.Instruction::line).toList());
    }

    @Test
    void heredocBodiesAreSkipped() {
        Dockerfile d = Dockerfile.parse("Dockerfile", """
                FROM x
                RUN <<EOF
                echo hi
                FROM not-an-instruction
                EOF
                COPY a b
                """);
        assertEquals(List.of("FROM", "RUN", "COPY"), d.instructions().stream().map(Dockerfile.Instruction::keyword).toList());
        assertEquals(List.of("EOF"), d.step(2).heredocs());
        assertEquals(6, d.step(3).line());
    }

    @Test
    void baseImagesSkipStagesAndScratchAndExpandArgs() {
        Dockerfile d = Dockerfile.parse("Dockerfile", """
                ARG TAG=1.36
                ARG REGISTRY
                FROM busybox:${TAG} AS build
                FROM scratch AS empty
                FROM ${REGISTRY:-docker.io}/library/debian:bookworm-slim
                COPY --from=build /bin/sh /sh
                FROM build
                """);
        assertEquals(List.of(new Dockerfile.BaseImage("busybox:1.36", 3), new Dockerfile.BaseImage("docker.io/library/debian:bookworm-slim", 5)),
                d.baseImages(Map.of()));
        assertEquals("busybox:2", d.baseImages(Map.of("TAG", "2")).get(0).reference());
    }
}
