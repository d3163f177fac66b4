package io.github.dockerstack.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The config goal, run as Maven runs it, on the seeds' projects: the whole JSON output is compared
 * with a reviewed expected file ({@code ${DIR}} stands for the project's absolute directory).
 */
@MojoTest
class ConfigMojoTest {
    private static final String POM = "src/test/resources/config-goal/pom.xml";
    private static final Path PROJECTS = Path.of("src/test/resources/projects").toAbsolutePath();
    private static final Path EXPECTED = Path.of("src/test/resources/expected").toAbsolutePath();

    @TempDir
    Path out;

    private String run(ConfigMojo mojo, String project, List<String> files, List<String> envFiles) throws Exception {
        Path output = out.resolve("config.json");
        MojoExtension.setVariableValueToObject(mojo, "projectDirectory", PROJECTS.resolve(project).toFile());
        MojoExtension.setVariableValueToObject(mojo, "files", files);
        MojoExtension.setVariableValueToObject(mojo, "envFiles", envFiles);
        MojoExtension.setVariableValueToObject(mojo, "format", "json");
        MojoExtension.setVariableValueToObject(mojo, "output", output.toFile());
        mojo.execute();
        return Files.readString(output);
    }

    private static String expected(String name, String project) throws Exception {
        return Files.readString(EXPECTED.resolve(name + ".json")).replace("${DIR}", PROJECTS.resolve(project).toString());
    }

    @Test
    @InjectMojo(goal = "config", pom = POM)
    void offProject(ConfigMojo mojo) throws Exception {
        assertEquals(expected("off", "off-pro"), run(mojo, "off-pro", List.of(), List.of()));
    }

    @Test
    @InjectMojo(goal = "config", pom = POM)
    void proProjectFromTheOverlay(ConfigMojo mojo) throws Exception {
        assertEquals(expected("pro", "off-pro"), run(mojo, "off-pro", List.of(), List.of(".env-pro")));
    }

    @Test
    @InjectMojo(goal = "config", pom = POM)
    void citizenProductionFiles(ConfigMojo mojo) throws Exception {
        String json = run(mojo, "citizen", List.of("docker-compose.yml", "docker-compose.prod.yml"), List.of());
        assertEquals(expected("citizen-prod", "citizen"), json);
    }

    @Test
    @InjectMojo(goal = "config", pom = POM)
    void geonode(ConfigMojo mojo) throws Exception {
        assertEquals(expected("geonode", "geonode"), run(mojo, "geonode", List.of(), List.of()));
    }

    @Test
    @InjectMojo(goal = "config", pom = POM)
    void brokenProjectFailsWithTheValidationMessageOnly(ConfigMojo mojo, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n    enviroment:\n      A: b\n");
        MojoExtension.setVariableValueToObject(mojo, "projectDirectory", dir.toFile());
        MojoExtension.setVariableValueToObject(mojo, "output", new File(out.toFile(), "never.json"));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith(dir.resolve("compose.yaml") + ":4:"), e.getMessage());
        assertTrue(e.getMessage().contains("services.web.enviroment"), e.getMessage());
        assertTrue(e.getMessage().contains("environment"), e.getMessage());
        assertFalse(Files.exists(out.resolve("never.json")));
    }

    @Test
    @InjectMojo(goal = "config", pom = POM)
    void unknownFormatIsAUserError(ConfigMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "projectDirectory", PROJECTS.resolve("shared-image").toFile());
        MojoExtension.setVariableValueToObject(mojo, "format", "toml");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("'yaml' or 'json'"), e.getMessage());
    }
}
