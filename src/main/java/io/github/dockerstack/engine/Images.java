package io.github.dockerstack.engine;

import java.util.function.Consumer;

/**
 * The image side of the engine port: build, pull, tag, remove. (Inspecting is
 * {@link Engine#inspectImage(String)}.) Every method throws {@link EngineException} when the engine
 * cannot be reached or refuses; the user-facing failures have their own kinds.
 */
public interface Images {

    /**
     * Builds an image with the engine's classic builder and tags it with {@code spec.tags()}.
     * Intermediate containers are removed, also on failure.
     *
     * @param output receives the builder's output, line by line, without line ends, on the response's thread
     * @return the image id ("sha256:...")
     * @throws ImageBuildException when a step fails or the engine refuses the Dockerfile or its settings
     */
    String build(BuildSpec spec, Consumer<String> output);

    /**
     * Pulls an image; a reference without tag means ":latest".
     *
     * @param platform platform to pull ("linux/arm64"), or null for the engine's
     * @param auth credentials, or null to pull anonymously (credentials are never looked up here)
     * @param progress receives the engine's progress messages, on the response's thread
     * @throws ImagePullException when the registry does not have the image or refuses the credentials
     * @throws ImageReferenceException when the reference is not valid
     */
    PullResult pull(String reference, String platform, RegistryAuth auth, Consumer<PullProgress> progress);

    /** {@link #pull(String, String, RegistryAuth, Consumer)} for the engine's platform. */
    default PullResult pull(String reference, RegistryAuth auth, Consumer<PullProgress> progress) {
        return pull(reference, null, auth, progress);
    }

    /** Gives the image {@code image} (id or reference) the name {@code reference} ("app:1.0"; no digest). */
    void tag(String image, String reference);

    /**
     * Removes a name, or an image by id, and its untagged parents. {@link EngineException.NotFound}
     * when missing; {@link EngineException.Conflict} when a container uses it and {@code force} is false.
     */
    void remove(String image, boolean force);
}
