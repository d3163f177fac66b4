package io.github.dockerstack.exec;

import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.ImageInfo;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.NetworkInfo;
import io.github.dockerstack.engine.VolumeInfo;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.plan.ContainerSpecs;
import io.github.dockerstack.plan.ObservedState;
import io.github.dockerstack.plan.Planner;
import io.github.dockerstack.plan.ResourceSpecs;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads what the engine holds for a project: everything labelled with it, plus the networks and
 * volumes it names that exist under another project's label or none (shared fixed names), plus
 * the images its services run. Read-only.
 */
public final class Snapshot {
    private Snapshot() {
    }

    public static ObservedState take(Engine engine, Project project, String apiVersion) {
        Map<String, String> filter = Map.of(Labels.PROJECT, project.name());
        Map<String, NetworkInfo> networks = new HashMap<>();
        engine.listNetworks(filter).forEach(n -> networks.put(n.name(), n));
        for (String key : project.networks().keySet()) {
            String name = ResourceSpecs.networkName(project, key);
            if (!networks.containsKey(name)) {
                engine.inspectNetwork(name).ifPresent(n -> networks.put(name, n));
            }
        }
        Map<String, VolumeInfo> volumes = new HashMap<>();
        engine.listVolumes(filter).forEach(v -> volumes.put(v.name(), v));
        for (String key : project.volumes().keySet()) {
            String name = ResourceSpecs.volumeName(project, key);
            if (!volumes.containsKey(name)) {
                engine.inspectVolume(name).ifPresent(v -> volumes.put(name, v));
            }
        }
        Map<String, ImageInfo> images = new HashMap<>();
        TreeSet<String> references = new TreeSet<>();
        for (Service s : project.services().values()) {
            if (Planner.replicas(s) > 0) {
                references.add(ContainerSpecs.imageName(project, s));
            }
        }
        for (String reference : references) {
            engine.inspectImage(reference).ifPresent(i -> images.put(reference, i));
        }
        return new ObservedState(apiVersion, engine.listContainers(filter), networks, volumes, images);
    }
}
