package io.github.dockerstack.maven;

import io.github.dockerstack.auth.ServerCredentials;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Goals that pull or build images, and so may need registry credentials: besides the Docker CLI's (config.json, credential
 * helpers), the {@code <server>}s of Maven's settings.xml whose id is a registry host, passwords decrypted by Maven.
 */
public abstract class AbstractImageMojo extends AbstractEngineMojo {
    /** Maven's settings, for their servers' credentials. */
    @Parameter(defaultValue = "${settings}", readonly = true)
    protected Settings settings;

    private final SettingsDecrypter decrypter;

    /** @param decrypter Maven's, injected into the concrete goal's constructor */
    protected AbstractImageMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /** settings.xml servers by id, passwords decrypted. */
    protected Map<String, ServerCredentials> servers() {
        return RegistryServers.of(settings, decrypter, getLog());
    }
}
