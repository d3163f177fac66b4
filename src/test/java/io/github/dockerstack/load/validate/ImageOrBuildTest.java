package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.passes;

import org.junit.jupiter.api.Test;

class ImageOrBuildTest {
    private final Check check = new ImageOrBuild();

    @Test
    void acceptsAnImageABuildOrBoth() {
        passes(check, """
                services:
                  pulled: {image: nginx}
                  built: {build: {context: .}}
                  both: {image: app:1, build: {context: ./app}}
                """);
    }

    @Test
    void rejectsAServiceWithNeither() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                  worker:
                    command: [run]
                """), "services.worker", 4, "service 'worker' has neither 'image' nor 'build'", "add 'image: <name>'", "'build: <directory>'");
    }

    @Test
    void treatsAnEmptyServiceAndAnEmptyImageAsMissing() {
        assertProblem(fails(check, """
                services:
                  web:
                """), "services.web", 2, "neither 'image' nor 'build'");
        assertProblem(fails(check, """
                services:
                  web:
                    image: ""
                """), "services.web", 2, "neither 'image' nor 'build'");
    }
}
