package io.github.dockerstack.load.validate;

/** Every service needs an image to run or a build to make one. */
final class ImageOrBuild implements Check {
    @Override
    public void check(CheckContext context) {
        context.services().forEach((name, service) -> {
            String image = CheckContext.text(service.get("image"));
            boolean hasImage = image != null && !image.isEmpty();
            if (!hasImage && service.get("build") == null) {
                throw context.problem(CheckContext.servicePath(name), "service '" + name + "' has neither 'image' nor 'build'; "
                        + "add 'image: <name>' to run an existing image, or 'build: <directory>' to build one");
            }
        });
    }
}
