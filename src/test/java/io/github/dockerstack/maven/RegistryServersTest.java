package io.github.dockerstack.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.auth.ServerCredentials;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

/** settings.xml servers become registry credentials, with the passwords Maven decrypted. */
class RegistryServersTest {
    private final List<String> warnings = new ArrayList<>();
    private final Log log = (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] {Log.class}, (p, m, args) -> {
        if (m.getName().equals("warn") && args[0] instanceof CharSequence s) {
            warnings.add(s.toString());
        }
        return m.getReturnType() == boolean.class ? Boolean.TRUE : null;
    });

    private static Server server(String id, String user, String password) {
        Server s = new Server();
        s.setId(id);
        s.setUsername(user);
        s.setPassword(password);
        return s;
    }

    @Test
    void serversWithAUserBecomeCredentialsWithDecryptedPasswords() {
        Settings settings = new Settings();
        settings.addServer(server("registry.example.com:5000", "ci", "{encrypted}"));
        settings.addServer(server("key-only", null, null));
        SettingsDecrypter decrypter = request -> new SettingsDecryptionResult() {
            @Override
            public Server getServer() {
                return getServers().get(0);
            }

            @Override
            public List<Server> getServers() {
                return List.of(server("registry.example.com:5000", "ci", "plain-secret"), server("key-only", null, null));
            }

            @Override
            public org.apache.maven.settings.Proxy getProxy() {
                return null;
            }

            @Override
            public List<org.apache.maven.settings.Proxy> getProxies() {
                return List.of();
            }

            @Override
            public List<SettingsProblem> getProblems() {
                return List.of(new DefaultSettingsProblem("Failed to decrypt password for server other", SettingsProblem.Severity.ERROR,
                        "server: other", -1, -1, null));
            }
        };
        Map<String, ServerCredentials> servers = RegistryServers.of(settings, decrypter, log);
        assertEquals(Map.of("registry.example.com:5000", new ServerCredentials("ci", "plain-secret")), servers);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("Failed to decrypt password for server other"), warnings.toString());
    }

    @Test
    void noSettingsNoServers() {
        assertEquals(Map.of(), RegistryServers.of(null, null, log));
        assertEquals(Map.of(), RegistryServers.of(new Settings(), null, log));
    }
}
