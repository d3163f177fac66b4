package io.github.dockerstack.maven;

import io.github.dockerstack.auth.ServerCredentials;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The {@code <server>}s of Maven's settings.xml as registry credentials: id to user name and password, passwords
 * decrypted ({@code mvn --encrypt-password}). The core matches an id to an image's registry host
 * ("registry.example.com:5000", or "docker.io" for Docker Hub). Nothing here logs a secret.
 */
final class RegistryServers {
    private RegistryServers() {
    }

    static Map<String, ServerCredentials> of(Settings settings, SettingsDecrypter decrypter, Log log) {
        if (settings == null || settings.getServers().isEmpty()) {
            return Map.of();
        }
        List<Server> servers = settings.getServers();
        if (decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(settings));
            for (SettingsProblem problem : result.getProblems()) {
                // the message names the server and what is wrong, never the password
                log.warn("docker-stack: settings.xml: " + problem.getMessage());
            }
            servers = result.getServers();
        }
        Map<String, ServerCredentials> map = new LinkedHashMap<>();
        for (Server s : servers) {
            if (s.getId() != null && s.getUsername() != null) {
                map.put(s.getId(), new ServerCredentials(s.getUsername(), s.getPassword()));
            }
        }
        return map;
    }
}
