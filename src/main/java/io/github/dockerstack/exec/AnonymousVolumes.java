package io.github.dockerstack.exec;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.ContainerSpec.MountPoint;
import io.github.dockerstack.engine.ContainerSpec.MountType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A recreated container keeps its predecessor's anonymous volumes, as with docker compose (unless
 * {@code --renew-anon-volumes}): a database whose image declares {@code VOLUME /var/lib/postgresql/data} keeps its data
 * when its environment changes.
 */
final class AnonymousVolumes {
    /** The engine names an anonymous volume with 64 hex digits. */
    private static final Pattern ANONYMOUS = Pattern.compile("[0-9a-f]{64}");

    private AnonymousVolumes() {
    }

    /** The spec with the old container's anonymous volumes mounted where the spec mounts nothing named or bound. */
    static ContainerSpec inherited(ContainerSpec spec, ContainerInfo old) {
        Map<String, ContainerInfo.MountInfo> anonymous = new LinkedHashMap<>();
        for (ContainerInfo.MountInfo m : old.mounts()) {
            if ("volume".equals(m.type()) && m.name() != null && ANONYMOUS.matcher(m.name()).matches() && m.destination() != null) {
                anonymous.put(clean(m.destination()), m);
            }
        }
        if (anonymous.isEmpty()) {
            return spec;
        }
        List<MountPoint> mounts = new ArrayList<>();
        for (MountPoint m : spec.mounts()) {
            String target = clean(m.target());
            boolean anonymousHere = m.type() == MountType.VOLUME && m.source() == null;
            if (!anonymousHere) {
                anonymous.remove(target); // the new spec mounts something named or bound there: that wins
            }
            if (!(anonymousHere && anonymous.containsKey(target))) {
                mounts.add(m);
            }
        }
        for (String tmpfs : spec.tmpfs().keySet()) {
            anonymous.remove(clean(tmpfs));
        }
        anonymous.forEach((target, m) -> mounts.add(MountPoint.volume(m.name(), m.destination(), !m.readWrite())));
        return spec.toBuilder().mounts(mounts).build();
    }

    /**
     * The container's anonymous volumes, by name. The engine removes a container's anonymous volumes with it, except those
     * a recreate handed on by name, which it then counts as named: down removes these itself.
     */
    static List<String> of(ContainerInfo container) {
        return container.mounts().stream().filter(m -> "volume".equals(m.type()) && m.name() != null && ANONYMOUS.matcher(m.name()).matches())
                .map(ContainerInfo.MountInfo::name).toList();
    }

    private static String clean(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
