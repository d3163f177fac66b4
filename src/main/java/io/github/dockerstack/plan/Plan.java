package io.github.dockerstack.plan;

import io.github.dockerstack.engine.ImageInfo;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code up} will do, each operation with its cause, in execution order: orphans removed,
 * networks and volumes, then each service's containers in dependency order. It also carries what
 * the executor needs to build the very specs the planner hashed (image ids, API version).
 *
 * @param project project name
 * @param orphans orphan containers to remove
 * @param networks the project's networks
 * @param volumes the project's named volumes
 * @param services per service, in start order: surplus containers removed first, then replicas 1..n
 * @param warnings what the user should know (reused foreign networks, orphans left in place)
 * @param apiVersion the engine's API version, or null
 * @param images local images by reference
 * @param environmentFiles env files given explicitly, for their label
 * @param otherContainers first container ids of services outside the plan (disabled ones), for {@code service:} references
 */
public record Plan(String project, List<ContainerOperation> orphans, List<NetworkOperation> networks, List<VolumeOperation> volumes,
                   Map<String, List<ContainerOperation>> services, List<String> warnings, String apiVersion, Map<String, ImageInfo> images,
                   List<String> environmentFiles, Map<String, String> otherContainers) {
    public Plan {
        orphans = List.copyOf(orphans);
        networks = List.copyOf(networks);
        volumes = List.copyOf(volumes);
        Map<String, List<ContainerOperation>> copy = new LinkedHashMap<>();
        services.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        services = Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
        images = Map.copyOf(images);
        environmentFiles = List.copyOf(environmentFiles);
        otherContainers = Map.copyOf(otherContainers);
    }

    /** Every operation, in execution order. */
    public List<Operation> operations() {
        List<Operation> all = new ArrayList<>(orphans);
        all.addAll(networks);
        all.addAll(volumes);
        services.values().forEach(all::addAll);
        return all;
    }

    /** True when nothing would be written to the engine. */
    public boolean changesNothing() {
        return operations().stream().noneMatch(o -> o.action().writes());
    }

    /** One operation a line. */
    public String text() {
        return operations().stream().map(Operation::text).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return text();
    }

    /** The options a service's container spec is built with; {@code serviceContainer} resolves {@code service:x} references. */
    public ContainerSpecs.Options specOptions(Project model, Service service, Function<String, String> serviceContainer) {
        return specOptions(images, apiVersion, environmentFiles, model, service, serviceContainer);
    }

    static ContainerSpecs.Options specOptions(Map<String, ImageInfo> images, String apiVersion, List<String> environmentFiles,
                                              Project model, Service service, Function<String, String> serviceContainer) {
        ImageInfo image = images.get(ContainerSpecs.imageName(model, service));
        ContainerSpecs.Options options = ContainerSpecs.Options.defaults().withApiVersion(apiVersion).withEnvironmentFiles(environmentFiles)
                .withServiceContainer(serviceContainer);
        if (image == null) {
            return options;
        }
        String platform = image.os() == null || image.architecture() == null ? null : image.os() + "/" + image.architecture();
        return options.withImage(image.id(), platform);
    }
}
