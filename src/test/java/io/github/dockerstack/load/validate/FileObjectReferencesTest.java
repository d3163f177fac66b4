package io.github.dockerstack.load.validate;

import static io.github.dockerstack.load.validate.Fixture.assertProblem;
import static io.github.dockerstack.load.validate.Fixture.fails;
import static io.github.dockerstack.load.validate.Fixture.passes;

import org.junit.jupiter.api.Test;

class FileObjectReferencesTest {
    @Test
    void acceptsDefinedSecretsAndConfigs() {
        String yaml = """
                services:
                  web:
                    image: nginx
                    secrets: [key, {source: cert, target: /run/cert}]
                    configs: [{source: site}]
                secrets:
                  key: {file: ./key}
                  cert: {environment: CERT}
                configs:
                  site: {content: hello}
                """;
        passes(new FileObjectReferences("secrets"), yaml);
        passes(new FileObjectReferences("configs"), yaml);
    }

    @Test
    void rejectsAnUndefinedSecret() {
        assertProblem(fails(new FileObjectReferences("secrets"), """
                services:
                  web:
                    image: nginx
                    secrets:
                      - source: db_password
                secrets:
                  db_passwd: {file: ./pw}
                """), "services.web.secrets[0]", 5, "service 'web' uses secret 'db_password'", "not defined under the top-level secrets",
                "did you mean 'db_passwd'?");
    }

    @Test
    void rejectsAnUndefinedConfigInTheShortForm() {
        assertProblem(fails(new FileObjectReferences("configs"), """
                services:
                  web:
                    image: nginx
                    configs: [site]
                """), "services.web.configs[0]", 4, "uses config 'site'", "top-level configs");
    }

    @Test
    void rejectsAnUndefinedBuildSecret() {
        assertProblem(fails(new FileObjectReferences("secrets"), """
                services:
                  web:
                    build:
                      context: .
                      secrets: [npmrc]
                """), "services.web.build.secrets[0]", 5, "uses secret 'npmrc'");
    }
}
