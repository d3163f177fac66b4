package io.github.dockerstack.engine;

/**
 * Credentials for one registry, as the engine takes them (X-Registry-Auth). {@link #toString()}
 * never shows the password or tokens.
 *
 * @param serverAddress registry host ("127.0.0.1:5000"), or "https://index.docker.io/v1/" for Docker Hub
 * @param username user name, or null with a token
 * @param password password, or null
 * @param identityToken OAuth refresh token (a credential helper's "&lt;token&gt;" user), or null
 * @param registryToken bearer token for the registry, or null
 */
public record RegistryAuth(String serverAddress, String username, String password, String identityToken, String registryToken) {
    /** User name and password. */
    public static RegistryAuth basic(String serverAddress, String username, String password) {
        return new RegistryAuth(serverAddress, username, password, null, null);
    }

    /** The same credentials for another server address (the key the engine looks them up by). */
    public RegistryAuth withServerAddress(String address) {
        return new RegistryAuth(address, username, password, identityToken, registryToken);
    }

    @Override
    public String toString() {
        return "RegistryAuth[serverAddress=" + serverAddress + ", username=" + username + ", password=" + redacted(password)
                + ", identityToken=" + redacted(identityToken) + ", registryToken=" + redacted(registryToken) + "]";
    }

    private static String redacted(String secret) {
        return secret == null ? "null" : "****";
    }
}
