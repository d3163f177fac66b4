package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.yaml.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Named volumes a service mounts must be defined at the top level (anonymous volumes have no source). */
final class VolumeReferences implements Check {
    @Override
    public void check(CheckContext context) {
        Set<String> defined = context.section("volumes").keySet();
        context.services().forEach((name, service) -> {
            String base = Paths.key(CheckContext.servicePath(name), "volumes");
            List<Object> mounts = CheckContext.items(service.get("volumes"));
            for (int i = 0; i < mounts.size(); i++) {
                Map<String, Object> mount = CheckContext.mapping(mounts.get(i));
                String source = CheckContext.text(mount.get("source"));
                if (!"volume".equals(CheckContext.text(mount.get("type"))) || source == null || source.isEmpty()
                        || defined.contains(source)) {
                    continue;
                }
                String path = Paths.index(base, i);
                if (isPath(source)) {
                    throw context.problem(path, "'" + source + "' is a host path but the mount has type 'volume'; "
                            + "use 'type: bind' to mount a host path, or name a volume defined under the top-level volumes");
                }
                throw context.problem(path, "service '" + name + "' uses volume '" + source
                        + "', which is not defined under the top-level volumes" + Suggestions.hint(source, defined)
                        + "; add it there (volumes: {" + source + ": {}}) or fix the name");
            }
        });
    }

    private static boolean isPath(String source) {
        return source.startsWith(".") || source.startsWith("~") || source.contains("/") || source.contains("\\");
    }
}
