package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What docker compose reads back: the engine must show Compose's own names and labels. */
class LabelsIT {
    private static String docker(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "docker";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static String label(String object, String key) throws Exception {
        return docker("inspect", "--format", "{{index .Config.Labels \"" + key + "\"}}", object);
    }

    @Test
    void containersCarryComposeLabels() throws Exception {
        String app = "dsit-labels-app-1";
        assertEquals("dsit-labels", label(app, "com.docker.compose.project"));
        assertEquals("app", label(app, "com.docker.compose.service"));
        assertEquals("1", label(app, "com.docker.compose.container-number"));
        assertEquals("False", label(app, "com.docker.compose.oneoff"));
        assertEquals(System.getProperty("project.dir"), label(app, "com.docker.compose.project.working_dir"));
        assertEquals(System.getProperty("compose.file"), label(app, "com.docker.compose.project.config_files"));
        assertEquals("db:service_started:true", label(app, "com.docker.compose.depends_on"));
        assertEquals(64, label(app, "com.docker.compose.config-hash").length());
        assertFalse(label(app, "com.docker.compose.version").isEmpty());
    }

    @Test
    void networksAndVolumesCarryComposeLabels() throws Exception {
        String front = docker("network", "inspect", "--format",
                "{{index .Labels \"com.docker.compose.project\"}} {{index .Labels \"com.docker.compose.network\"}}", "dsit-labels_front");
        assertEquals("dsit-labels front", front);
        String volume = docker("volume", "inspect", "--format",
                "{{index .Labels \"com.docker.compose.project\"}} {{index .Labels \"com.docker.compose.volume\"}}", "dsit-labels_data");
        assertEquals("dsit-labels data", volume);
        String attached = docker("inspect", "--format", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}", "dsit-labels-app-1");
        assertTrue(attached.contains("dsit-labels_front") && attached.contains("dsit-labels_back"), attached);
        String aliases = docker("inspect", "--format", "{{json .NetworkSettings.Networks}}", "dsit-labels-app-1");
        assertTrue(aliases.contains("\"app\""), "the service name is an alias on its networks: " + aliases);
    }
}
