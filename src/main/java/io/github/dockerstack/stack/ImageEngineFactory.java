package io.github.dockerstack.stack;

import io.github.dockerstack.engine.Engine;
import io.github.dockerstack.engine.Images;
import java.util.function.Function;

/** An {@link EngineFactory} that also reaches the images (build, pull) of the engines it opens, over their connection. */
public interface ImageEngineFactory extends EngineFactory {
    /** The images of {@code engine}, which this factory opened; closing the engine closes them. */
    Images images(Engine engine);

    static ImageEngineFactory of(EngineFactory engines, Function<Engine, Images> images) {
        return new ImageEngineFactory() {
            @Override
            public Engine open(EngineSettings settings) {
                return engines.open(settings);
            }

            @Override
            public Images images(Engine engine) {
                return images.apply(engine);
            }
        };
    }
}
