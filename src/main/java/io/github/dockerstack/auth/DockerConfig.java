package io.github.dockerstack.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.dockerstack.json.JsonFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The credential parts of the Docker CLI's config.json: {@code auths} (base64 {@code auth}, or
 * {@code username}/{@code password}, {@code identitytoken}, {@code registrytoken}),
 * {@code credHelpers} (registry to helper name) and {@code credsStore} (the default helper).
 *
 * @param file where it was read from (for messages), or null
 * @param auths entries by key as written ("127.0.0.1:5000", "https://index.docker.io/v1/")
 * @param credHelpers helper name by registry key
 * @param credsStore default helper name, or null
 */
record DockerConfig(Path file, Map<String, Entry> auths, Map<String, String> credHelpers, String credsStore) {
    /** An {@code auths} entry with {@code auth} decoded. */
    record Entry(String username, String password, String identityToken, String registryToken) {
        @Override
        public String toString() {
            return "Entry[username=" + username + ", secrets hidden]";
        }
    }

    static DockerConfig empty() {
        return new DockerConfig(null, Map.of(), Map.of(), null);
    }

    /** Reads {@code dir}/config.json; an absent file is an empty configuration. */
    static DockerConfig read(Path dir) {
        Path file = dir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        Object root;
        try {
            root = JsonFiles.read(file);
        } catch (JsonProcessingException e) {
            throw new CredentialsException(file + " is not valid JSON (line " + e.getLocation().getLineNr() + "); fix or remove it.", null);
        } catch (IOException e) {
            throw new CredentialsException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top)) {
            return new DockerConfig(file, Map.of(), Map.of(), null);
        }
        Map<String, Entry> auths = new LinkedHashMap<>();
        if (top.get("auths") instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> {
                if (value instanceof Map<?, ?> entry) {
                    auths.put(String.valueOf(key), entry(file, String.valueOf(key), entry));
                }
            });
        }
        Map<String, String> helpers = new LinkedHashMap<>();
        if (top.get("credHelpers") instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> {
                if (value instanceof String name && !name.isBlank()) {
                    helpers.put(String.valueOf(key), name);
                }
            });
        }
        String store = top.get("credsStore") instanceof String s && !s.isBlank() ? s : null;
        return new DockerConfig(file, auths, helpers, store);
    }

    private static Entry entry(Path file, String key, Map<?, ?> entry) {
        String username = string(entry.get("username"));
        String password = string(entry.get("password"));
        String auth = string(entry.get("auth"));
        if (auth != null && !auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new CredentialsException(file + ": auths." + key + ".auth is not base64; run `docker login " + key + "` again.", null);
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new CredentialsException(file + ": auths." + key + ".auth is not base64 of \"user:password\"; run `docker login " + key
                        + "` again.", null);
            }
            username = decoded.substring(0, colon);
            password = decoded.substring(colon + 1);
        }
        return new Entry(empty(username), empty(password), empty(string(entry.get("identitytoken"))), empty(string(entry.get("registrytoken"))));
    }

    private static String string(Object o) {
        return o instanceof String s ? s : null;
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return "DockerConfig[" + file + ", auths=" + auths.keySet() + ", credHelpers=" + credHelpers + ", credsStore=" + credsStore + "]";
    }
}
