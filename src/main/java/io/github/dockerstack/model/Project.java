package io.github.dockerstack.model;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A resolved compose project: what {@code docker compose config} shows.
 *
 * @param name project name (normalised and valid)
 * @param workingDir absolute project directory
 * @param configFiles absolute paths of the compose files loaded, in order
 * @param environment the environment used for interpolation
 * @param profiles the active compose profiles
 * @param services enabled services by name (sorted)
 * @param disabledServices services left out by profiles or by the service selection, by name
 * @param networks networks by key
 * @param volumes named volumes by key
 * @param secrets secrets by key
 * @param configs configs by key
 * @param extensions top-level x-* attributes
 */
public record Project(String name, Path workingDir, List<Path> configFiles, Map<String, String> environment, List<String> profiles,
                      Map<String, Service> services, Map<String, Service> disabledServices, Map<String, Network> networks,
                      Map<String, Volume> volumes, Map<String, FileObject> secrets, Map<String, FileObject> configs,
                      Map<String, Object> extensions) {
    public Project {
        configFiles = Lists.copy(configFiles);
        environment = Maps.copy(environment);
        profiles = Lists.copy(profiles);
        services = Maps.copy(new TreeMap<>(services));
        disabledServices = Maps.copy(new TreeMap<>(disabledServices));
        networks = Maps.copy(networks);
        volumes = Maps.copy(volumes);
        secrets = Maps.copy(secrets);
        configs = Maps.copy(configs);
        extensions = Maps.copy(extensions);
    }

    public Service service(String serviceName) {
        return services.get(serviceName);
    }

    public Set<String> serviceNames() {
        return services.keySet();
    }

    public Collection<Service> serviceList() {
        return services.values();
    }

    /**
     * The named services alone, the others disabled; all of them when none is named. The loader keeps a selection's
     * dependencies, which up needs; build, pull and down act on the named services only, as docker compose does.
     */
    public Project onlyServices(List<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        Map<String, Service> on = new TreeMap<>();
        Map<String, Service> off = new TreeMap<>(disabledServices);
        services.forEach((name, s) -> (names.contains(name) ? on : off).put(name, s));
        return withServices(on, off);
    }

    public Project withServices(Map<String, Service> newServices, Map<String, Service> newDisabled) {
        return new Project(name, workingDir, configFiles, environment, profiles, newServices, newDisabled, networks, volumes, secrets,
                configs, extensions);
    }

    public Project withNetworks(Map<String, Network> newNetworks) {
        return new Project(name, workingDir, configFiles, environment, profiles, services, disabledServices, newNetworks, volumes, secrets,
                configs, extensions);
    }

    public Project withVolumes(Map<String, Volume> newVolumes) {
        return new Project(name, workingDir, configFiles, environment, profiles, services, disabledServices, networks, newVolumes, secrets,
                configs, extensions);
    }
}
