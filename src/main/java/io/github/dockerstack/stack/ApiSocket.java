package io.github.dockerstack.stack;

import io.github.dockerstack.auth.Credentials;
import io.github.dockerstack.engine.RegistryAuth;
import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.model.FileObject;
import io.github.dockerstack.model.FileReference;
import io.github.dockerstack.model.Mount;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code use_api_socket}, which the engine does not know: compose implements it on the client by
 * changing the model, and so does this. A service that asks for it gets the engine's socket
 * bind-mounted at {@code /var/run/docker.sock}, the build's registry credentials as a Docker CLI
 * config at {@code /run/secrets/docker/config.json}, and {@code DOCKER_CONFIG} pointing there
 * unless it sets one itself.
 */
final class ApiSocket {
    static final String SOCKET = "/var/run/docker.sock";
    static final String CONFIG_DIR = "/run/secrets/docker";
    private static final String CONFIG = "#apisocket";

    private ApiSocket() {
    }

    /**
     * @param credentials every registry's credentials, asked for only when a service uses the socket
     * @param engineOs the engine's operating system ("linux", "windows")
     */
    static Project apply(Project project, Supplier<Map<String, RegistryAuth>> credentials, String engineOs) {
        List<Service> using = project.services().values().stream().filter(s -> Boolean.TRUE.equals(s.useApiSocket())).toList();
        if (using.isEmpty()) {
            return project;
        }
        if ("windows".equalsIgnoreCase(engineOs)) {
            throw new ComposeException(null, "services." + using.get(0).name() + ".use_api_socket",
                    "cannot be used with a Windows engine; remove it");
        }
        Map<String, Service> services = new LinkedHashMap<>(project.services());
        for (Service s : using) {
            List<Mount> volumes = new ArrayList<>(s.volumes());
            volumes.add(new Mount("bind", SOCKET, SOCKET, false, null, null, null, null));
            Map<String, String> environment = new LinkedHashMap<>(s.environment());
            environment.putIfAbsent("DOCKER_CONFIG", CONFIG_DIR);
            List<FileReference> configs = new ArrayList<>(s.configs());
            configs.add(new FileReference(CONFIG, CONFIG_DIR + "/config.json", null, null, null));
            services.put(s.name(), s.toBuilder().volumes(volumes).environment(environment).configs(configs).build());
        }
        Map<String, FileObject> configs = new LinkedHashMap<>(project.configs());
        configs.put(CONFIG, new FileObject(null, null, null, Credentials.configJson(credentials.get()), false, Map.of(), Map.of()));
        return new Project(project.name(), project.workingDir(), project.configFiles(), project.environment(), project.profiles(), services,
                project.disabledServices(), project.networks(), project.volumes(), project.secrets(), configs, project.extensions());
    }
}
