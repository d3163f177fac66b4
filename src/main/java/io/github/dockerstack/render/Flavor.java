package io.github.dockerstack.render;

import java.util.Comparator;

/**
 * The two outputs of {@code docker compose config}. They differ in more than syntax, because Go's
 * JSON and YAML encoders treat compose-go's types differently: the JSON top level is a Go map
 * (keys sorted) while the YAML one follows the Project struct; JSON drops nested x-* extensions
 * ({@code json:"-"}) and prints {@code command: null}; YAML omits empty structs; and the two sort
 * map keys differently.
 */
enum Flavor {
    JSON(GoKeys.BYTES),
    YAML(GoKeys.NATURAL);

    private final Comparator<String> keyOrder;

    Flavor(Comparator<String> keyOrder) {
        this.keyOrder = keyOrder;
    }

    /** The order in which this encoder prints the keys of a Go map. */
    Comparator<String> keyOrder() {
        return keyOrder;
    }
}
