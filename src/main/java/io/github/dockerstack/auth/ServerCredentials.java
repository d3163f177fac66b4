package io.github.dockerstack.auth;

/**
 * A Maven settings.xml {@code <server>}'s user name and password (already decrypted by the
 * caller). {@link #toString()} hides the password.
 */
public record ServerCredentials(String username, String password) {
    @Override
    public String toString() {
        return "ServerCredentials[username=" + username + ", password=" + (password == null ? "null" : "****") + "]";
    }
}
