package io.github.dockerstack.plan;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.ImageInfo;
import io.github.dockerstack.engine.NetworkInfo;
import io.github.dockerstack.engine.VolumeInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the engine holds for a project, read once before planning.
 *
 * @param apiVersion the engine's API version ("1.41"), or null when unknown
 * @param containers the containers labelled with the project, in any state
 * @param networks by name: those labelled with the project, and those the project names that exist
 * @param volumes by name: likewise
 * @param images local images by the reference the services use; a missing reference is absent
 */
public record ObservedState(String apiVersion, List<ContainerInfo> containers, Map<String, NetworkInfo> networks,
                            Map<String, VolumeInfo> volumes, Map<String, ImageInfo> images) {
    public ObservedState {
        containers = List.copyOf(containers);
        networks = Map.copyOf(new TreeMap<>(networks));
        volumes = Map.copyOf(new TreeMap<>(volumes));
        images = Map.copyOf(new TreeMap<>(images));
    }

    public Optional<NetworkInfo> network(String name) {
        return Optional.ofNullable(networks.get(name));
    }

    public Optional<VolumeInfo> volume(String name) {
        return Optional.ofNullable(volumes.get(name));
    }

    public Optional<ImageInfo> image(String reference) {
        return Optional.ofNullable(images.get(reference));
    }
}
