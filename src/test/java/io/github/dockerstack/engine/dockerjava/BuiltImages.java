package io.github.dockerstack.engine.dockerjava;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.dockerjava.api.model.Image;
import io.github.dockerstack.engine.EngineException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a real-engine build test makes, to remove it afterwards: the tags it gives and every image its builds print
 * (intermediate stages too, which would stay dangling otherwise). The build output is kept for the test's assertions.
 */
public final class BuiltImages {
    private static final Pattern LAYER = Pattern.compile("^ ---> ([0-9a-f]{12})$|^Successfully built ([0-9a-f]{12})$");

    private final DockerJavaEngine engine;
    private final DockerJavaImages images;
    private final Set<String> before;
    private final Set<String> tags = new LinkedHashSet<>();
    private final Set<String> builtIds = new LinkedHashSet<>();
    private final List<String> output = new CopyOnWriteArrayList<>();

    public BuiltImages(DockerJavaEngine engine, DockerJavaImages images) {
        this.engine = engine;
        this.images = images;
        this.before = shortIds();
    }

    /** Notes a tag the test gives an image, and returns it. */
    public String tag(String reference) {
        tags.add(reference);
        return reference;
    }

    /** Where a build's output goes: kept, and read for the ids of the images it makes. */
    public Consumer<String> collector() {
        return line -> {
            output.add(line);
            Matcher m = LAYER.matcher(line);
            if (m.matches()) {
                builtIds.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        };
    }

    /** The build output so far (tests may clear it). */
    public List<String> output() {
        return output;
    }

    /** Removes the tags and the images built, children before parents, then asserts that none is left. */
    public void removeAll() {
        for (String tag : tags) {
            try {
                images.remove(tag, false);
            } catch (EngineException.NotFound gone) {
                // never made, or already removed
            }
        }
        for (int pass = 0; pass < 3; pass++) {
            for (String id : builtIds) {
                if (!before.contains(id)) {
                    try {
                        images.remove(id, false);
                    } catch (EngineException.NotFound | EngineException.Conflict later) {
                        // gone with its child, or a child is still there for the next pass
                    }
                }
            }
        }
        Set<String> left = shortIds();
        left.removeAll(before);
        left.retainAll(builtIds);
        assertEquals(Set.of(), left, "images left behind");
    }

    private Set<String> shortIds() {
        Set<String> ids = new HashSet<>();
        for (Image image : engine.client().listImagesCmd().withShowAll(true).exec()) {
            ids.add(image.getId().replace("sha256:", "").substring(0, 12));
        }
        return ids;
    }
}
