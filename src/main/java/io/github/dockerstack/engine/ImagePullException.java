package io.github.dockerstack.engine;

import io.github.dockerstack.error.StackException;

/**
 * A registry refused a pull: the image or tag does not exist, or credentials are missing or wrong.
 * Kind {@link Kind#USER}: the reference or the credentials need changing. An unreachable engine
 * or registry is an {@link EngineException}.
 */
public final class ImagePullException extends StackException {
    private final String reference;
    private final String engineMessage;
    private final boolean authentication;

    public ImagePullException(String reference, String engineMessage, boolean authentication) {
        super(Kind.USER, message(reference, engineMessage, authentication), null);
        this.reference = reference;
        this.engineMessage = engineMessage;
        this.authentication = authentication;
    }

    private static String message(String reference, String engineMessage, boolean authentication) {
        String head = "Pulling " + reference + " failed: " + engineMessage + ".";
        if (!authentication) {
            return head + " Check the image name and tag.";
        }
        String registry;
        try {
            registry = ImageReference.parse(reference).registry();
        } catch (ImageReferenceException e) {
            registry = "the registry";
        }
        return head + " Give credentials for " + registry + ": `docker login " + registry + "` (stored in $DOCKER_CONFIG/config.json or"
                + " a credential helper), or a <server> with id " + registry + " in Maven's settings.xml.";
    }

    public String reference() {
        return reference;
    }

    public String engineMessage() {
        return engineMessage;
    }

    /** True when credentials were missing or refused. */
    public boolean authentication() {
        return authentication;
    }
}
