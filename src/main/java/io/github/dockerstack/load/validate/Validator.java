package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.yaml.SourceMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the merged canonical tree (see docs/design.md) before it is bound to the model, and
 * reports the first problem as a {@link ComposeException} naming file, line, path and what to
 * change. The rules run in the order below: first the form of the document, then references
 * between its parts. Adding a rule is one class and one entry here.
 */
public final class Validator {
    static final List<Check> CHECKS = List.of(
            new UnknownAttributes(),
            new ContainerTypes(),
            new UnsupportedAttributes(),
            new ImageOrBuild(),
            new ConsistentSettings(),
            new DependsOnTargets(),
            new DependsOnConditions(),
            new ServiceReferences(),
            new DependencyCycles(),
            new NetworkModeWithNetworks(),
            new NetworkReferences(),
            new VolumeReferences(),
            new FileObjectReferences("secrets"),
            new FileObjectReferences("configs"),
            new DuplicateContainerNames(),
            // compose-go rejects attributes beside 'external' for volumes only; networks are not checked
            new ExternalWithAttributes("volumes"));

    private Validator() {
    }

    /** @throws ComposeException for the first problem found */
    public static void validate(Map<String, Object> root, SourceMap sources) {
        CheckContext context = new CheckContext(root, sources);
        for (Check check : CHECKS) {
            check.check(context);
        }
    }
}
