package io.github.dockerstack.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.ContainerInfo.MountInfo;
import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.ContainerSpec.MountPoint;
import io.github.dockerstack.engine.ContainerSpec.MountType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnonymousVolumesTest {
    private static final String IMAGE_VOLUME = "a".repeat(64);
    private static final String SERVICE_VOLUME = "b".repeat(64);

    private static ContainerInfo old(MountInfo... mounts) {
        return new ContainerInfo("id", "po-db-1", "postgres", null, Map.of(), "exited", null, false, 0, List.of(), Map.of(), List.of(mounts));
    }

    private static ContainerSpec spec(MountPoint... mounts) {
        return ContainerSpec.builder("po-db-1", "postgres").mounts(List.of(mounts)).build();
    }

    @Test
    void theNewContainerTakesOverTheOldOnesAnonymousVolumes() {
        ContainerSpec next = AnonymousVolumes.inherited(
                spec(MountPoint.bind("/srv/conf", "/etc/app", true), new MountPoint(MountType.VOLUME, null, "/cache", false, false, null,
                        null, false, null, null)),
                old(new MountInfo("volume", IMAGE_VOLUME, "/var/lib/docker/volumes/a/_data", "/var/lib/postgresql/data", true),
                        new MountInfo("volume", SERVICE_VOLUME, "/var/lib/docker/volumes/b/_data", "/cache/", true),
                        new MountInfo("bind", null, "/srv/conf", "/etc/app", false)));
        assertEquals(List.of(MountPoint.bind("/srv/conf", "/etc/app", true), MountPoint.volume(IMAGE_VOLUME, "/var/lib/postgresql/data",
                false), MountPoint.volume(SERVICE_VOLUME, "/cache/", false)), next.mounts(),
                "the image's VOLUME and the service's anonymous /cache keep their volumes; the bind is the spec's own");
    }

    @Test
    void aNamedVolumeOrBindNowMountedThereWins() {
        ContainerSpec named = spec(MountPoint.volume("po_data", "/var/lib/postgresql/data", false));
        ContainerSpec next = AnonymousVolumes.inherited(named,
                old(new MountInfo("volume", IMAGE_VOLUME, "/x", "/var/lib/postgresql/data", true),
                        new MountInfo("volume", "po_other", "/y", "/other", true)));
        assertEquals(named.mounts(), next.mounts(), "named volumes are never inherited: the spec says what it mounts");
        ContainerSpec none = spec();
        assertSame(none, AnonymousVolumes.inherited(none, old()));
    }
}
