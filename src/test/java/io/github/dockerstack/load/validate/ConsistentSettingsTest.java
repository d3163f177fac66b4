package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.passes;

import org.junit.jupiter.api.Test;

class ConsistentSettingsTest {
    private final Check check = new ConsistentSettings();

    @Test
    void agreeingSettingsPass() {
        passes(check, """
                services:
                  web:
                    image: nginx
                    scale: 2
                    deploy: {replicas: 2}
                    platform: linux/amd64
                    build: {context: ., dockerfile: Dockerfile, platforms: [linux/amd64, linux/arm64]}
                """);
    }

    @Test
    void scaleAndReplicasMustAgree() {
        assertProblem(fails(check, """
                services:
                  web:
                    image: nginx
                    scale: 2
                    deploy: {replicas: 3}
                """), "services.web.scale", 4, "sets scale 2 and deploy.replicas 3", "keep one of them");
    }

    @Test
    void dockerfileAndInlineDockerfileExcludeEachOther() {
        assertProblem(fails(check, """
                services:
                  web:
                    build:
                      context: .
                      dockerfile: Dockerfile
                      dockerfile_inline: FROM busybox
                """), "services.web.build.dockerfile_inline", 6, "both build.dockerfile and build.dockerfile_inline");
    }

    @Test
    void thePlatformIsOneOfTheBuildPlatforms() {
        assertProblem(fails(check, """
                services:
                  web:
                    platform: linux/s390x
                    build: {context: ., platforms: [linux/amd64]}
                """), "services.web.platform", 3, "not one of its build.platforms [linux/amd64]");
    }
}
