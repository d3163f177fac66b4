package io.github.dockerstack.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dockerstack.engine.ContainerInfo;
import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.ImageInfo;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.NetworkInfo;
import io.github.dockerstack.engine.VolumeInfo;
import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.stack.TestProjects;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
    private static final String OFF = """
            services:
              postgres:
                image: busybox:latest
                healthcheck:
                  test: ["CMD", "true"]
                volumes: ["data:/var/lib/postgresql/data"]
              backend:
                image: busybox:latest
                depends_on:
                  postgres: {condition: service_healthy}
                ports: ["8080"]
            volumes:
              data: {}
            """;

    @TempDir
    Path dir;

    private Project load(String yaml) {
        return TestProjects.load(dir, "po_off", yaml);
    }

    /** OFF with one more service. */
    private static String withService(String service) {
        return OFF.replace("volumes:\n  data: {}\n", service + "volumes:\n  data: {}\n");
    }

    private static Map<String, ImageInfo> images(Project p) {
        Map<String, ImageInfo> images = new HashMap<>();
        for (Service s : p.services().values()) {
            String ref = ContainerSpecs.imageName(p, s);
            images.put(ref, new ImageInfo("sha256:" + ref.hashCode(), List.of(ref), Map.of(), "linux", "amd64", null));
        }
        return images;
    }

    private static ObservedState empty(Project p) {
        return new ObservedState("1.41", List.of(), Map.of(), Map.of(), images(p));
    }

    /** What the engine holds after an up of {@code p}: containers labelled and hashed as the executor creates them. */
    private static ObservedState upToDate(Project p, String state) {
        Map<String, ImageInfo> images = images(p);
        List<ContainerInfo> containers = new ArrayList<>();
        for (Service s : p.services().values()) {
            for (int n = 1; n <= Planner.replicas(s); n++) {
                containers.add(container(p, s, n, state, images));
            }
        }
        Map<String, NetworkInfo> networks = new LinkedHashMap<>();
        p.networks().keySet().forEach(k -> {
            String name = ResourceSpecs.networkName(p, k);
            networks.put(name, new NetworkInfo("n-" + name, name, "bridge", ResourceSpecs.network(p, k).labels(), false, false, false,
                    List.of(), List.of()));
        });
        Map<String, VolumeInfo> volumes = new LinkedHashMap<>();
        p.volumes().keySet().forEach(k -> {
            String name = ResourceSpecs.volumeName(p, k);
            volumes.put(name, new VolumeInfo(name, "local", "/v", Map.of(), ResourceSpecs.volume(p, k).labels()));
        });
        return new ObservedState("1.41", containers, networks, volumes, images);
    }

    private static ContainerInfo container(Project p, Service s, int n, String state, Map<String, ImageInfo> images) {
        ContainerSpec spec = ContainerSpecs.of(p, s, n, Plan.specOptions(images, "1.41", List.of(), p, s,
                other -> "id-" + p.name() + "-" + other + "-1"));
        return new ContainerInfo("id-" + spec.name(), spec.name(), spec.image(), images.get(spec.image()).id(), spec.labels(), state, null,
                false, "exited".equals(state) ? 0 : null, List.of(), Map.of(), List.of());
    }

    private static ObservedState with(ObservedState o, ContainerInfo extra) {
        List<ContainerInfo> containers = new ArrayList<>(o.containers());
        containers.add(extra);
        return new ObservedState(o.apiVersion(), containers, o.networks(), o.volumes(), o.images());
    }

    private static Plan plan(Project p, ObservedState o) {
        return Planner.plan(p, o, Planner.Options.defaults());
    }

    @Test
    void freshProjectCreatesEverythingInDependencyOrder() {
        Project p = load(OFF);
        assertEquals("""
                create network po_off_default (missing)
                create volume po_off_data (missing)
                create container po_off-postgres-1 (missing)
                create container po_off-backend-1 (missing)""", plan(p, empty(p)).text());
    }

    @Test
    void unchangedRunningProjectKeepsEverything() {
        Project p = load(OFF);
        Plan plan = plan(p, upToDate(p, "running"));
        assertEquals("""
                keep network po_off_default (exists)
                keep volume po_off_data (exists)
                keep container po_off-postgres-1 (config unchanged, running)
                keep container po_off-backend-1 (config unchanged, running)""", plan.text());
        assertTrue(plan.changesNothing());
    }

    @Test
    void stoppedContainersWithUnchangedConfigAreStarted() {
        Project p = load(OFF);
        Plan plan = plan(p, upToDate(p, "exited"));
        assertTrue(plan.text().contains("start container po_off-postgres-1 (stopped)"), plan.text());
        assertFalse(plan.changesNothing());
    }

    @Test
    void changedConfigRecreatesOnlyThatService() {
        Project before = load(OFF);
        ObservedState observed = upToDate(before, "running");
        Project after = load(OFF.replace("ports: [\"8080\"]", "ports: [\"8080\"]\n    environment: {MODE: prod}"));
        assertEquals("""
                keep network po_off_default (exists)
                keep volume po_off_data (exists)
                keep container po_off-postgres-1 (config unchanged, running)
                recreate container po_off-backend-1 (config hash changed)""", plan(after, observed).text());
    }

    @Test
    void newImageRecreatesWithThatCause() {
        Project p = load(OFF);
        ObservedState o = upToDate(p, "running");
        Map<String, ImageInfo> rebuilt = new HashMap<>(o.images());
        rebuilt.put("busybox:latest", new ImageInfo("sha256:new", List.of("busybox:latest"), Map.of(), "linux", "amd64", null));
        Plan plan = plan(p, new ObservedState("1.41", o.containers(), o.networks(), o.volumes(), rebuilt));
        assertTrue(plan.text().contains("recreate container po_off-postgres-1 (image changed)"), plan.text());
    }

    @Test
    void scalingDownRemovesTheHighestNumbers() {
        Project three = load(OFF.replace("ports: [\"8080\"]", "ports: [\"8080\"]\n    scale: 3"));
        ObservedState observed = upToDate(three, "running");
        Project one = load(OFF);
        assertEquals("""
                keep network po_off_default (exists)
                keep volume po_off_data (exists)
                keep container po_off-postgres-1 (config unchanged, running)
                remove container po_off-backend-2 (scaled down to 1)
                remove container po_off-backend-3 (scaled down to 1)
                keep container po_off-backend-1 (config unchanged, running)""", plan(one, observed).text());
    }

    @Test
    void scalingUpCreatesTheMissingNumbers() {
        Project p = load(OFF.replace("ports: [\"8080\"]", "ports: [\"8080\"]\n    deploy: {replicas: 2}"));
        Plan plan = plan(p, empty(p));
        assertTrue(plan.text().endsWith("""
                create container po_off-backend-1 (missing)
                create container po_off-backend-2 (missing)"""), plan.text());
    }

    @Test
    void orphansAreRemovedOnlyWhenAsked() {
        Project withOld = load(withService("""
                  old:
                    image: busybox:latest
                """));
        Project p = load(OFF);
        Service old = withOld.service("old");
        ObservedState observed = with(upToDate(p, "running"), container(withOld, old, 1, "running", images(withOld)));

        Plan kept = plan(p, observed);
        assertFalse(kept.text().contains("po_off-old-1"), kept.text());
        assertTrue(kept.warnings().stream().anyMatch(w -> w.contains("orphan containers (po_off-old-1)")), kept.warnings().toString());

        Plan removed = Planner.plan(p, observed, new Planner.Options(true, List.of()));
        assertTrue(removed.text().startsWith("remove container po_off-old-1 (orphan: service 'old' is not in the project)\n"),
                removed.text());
    }

    @Test
    void containersOfServicesLeftOutByProfilesAreNotOrphans() {
        Project all = load(withService("""
                  tools:
                    image: busybox:latest
                    profiles: [debug]
                """));
        assertTrue(all.disabledServices().containsKey("tools"));
        ContainerInfo tools = container(all, all.disabledServices().get("tools"), 1, "running", images(all));
        Plan plan = Planner.plan(all, with(upToDate(all, "running"), tools), new Planner.Options(true, List.of()));
        assertFalse(plan.text().contains("tools"), plan.text());
        assertTrue(plan.warnings().isEmpty(), plan.warnings().toString());
    }

    @Test
    void foreignNetworkWithTheSameNameIsReusedWithAWarning() {
        Project p = load("""
                services:
                  backend:
                    image: busybox:latest
                    networks: [db]
                networks:
                  db:
                    name: minion_db
                """);
        NetworkInfo shared = new NetworkInfo("n1", "minion_db", "bridge", Map.of(Labels.PROJECT, "po_off_pro"), false, false, false, List.of(),
                List.of());
        Plan plan = plan(p, new ObservedState("1.41", List.of(), Map.of("minion_db", shared), Map.of(), images(p)));
        assertEquals("""
                reuse network minion_db (exists, created by project 'po_off_pro')
                create container po_off-backend-1 (missing)""", plan.text());
        assertEquals(1, plan.warnings().size());
        assertTrue(plan.warnings().get(0).contains("minion_db"), plan.warnings().get(0));
    }

    @Test
    void aNetworkOrVolumeWhoseSettingsChangedStopsUpSayingWhat() {
        Project before = load("""
                services:
                  db:
                    image: busybox:latest
                    networks: [back]
                    volumes: ["data:/data"]
                networks:
                  back: {}
                volumes:
                  data: {}
                """);
        ObservedState observed = upToDate(before, "running");
        Project after = load("""
                services:
                  db:
                    image: busybox:latest
                    networks: [back]
                    volumes: ["data:/data"]
                networks:
                  back:
                    internal: true
                volumes:
                  data:
                    labels: {backup: daily}
                """);
        ComposeException e = assertThrows(ComposeException.class, () -> plan(after, observed));
        assertTrue(e.getMessage().contains("network 'po_off_back' (networks.back) was created with other settings: internal is false,"
                + " the file says true"), e.getMessage());
        assertTrue(e.getMessage().contains("volume 'po_off_data' (volumes.data) was created with other settings: label backup is"
                + " absent, the file says 'daily'"), e.getMessage());
        assertTrue(e.getMessage().contains("docker-stack:down"), e.getMessage());
        assertEquals("", String.join("", plan(before, observed).warnings()), "unchanged settings are no drift");
    }

    @Test
    void missingExternalNetworksAndVolumesFailBeforeAnythingNamingThem() {
        Project p = load("""
                services:
                  backend:
                    image: busybox:latest
                    networks: [shared]
                    volumes: ["cache:/cache"]
                networks:
                  shared: {external: true, name: corp_net}
                volumes:
                  cache: {external: true}
                """);
        ComposeException e = assertThrows(ComposeException.class, () -> plan(p, empty(p)));
        assertTrue(e.getMessage().contains("network 'corp_net' is declared external"), e.getMessage());
        assertTrue(e.getMessage().contains("volume 'cache' is declared external"), e.getMessage());
    }

    @Test
    void externalNetworkThatExistsIsUsed() {
        Project p = load("""
                services:
                  backend:
                    image: busybox:latest
                    networks: [shared]
                networks:
                  shared: {external: true, name: corp_net}
                """);
        NetworkInfo corp = new NetworkInfo("n1", "corp_net", "bridge", Map.of(), false, false, false, List.of(), List.of());
        Plan plan = plan(p, new ObservedState("1.41", List.of(), Map.of("corp_net", corp), Map.of(), images(p)));
        assertTrue(plan.text().startsWith("use network corp_net (external)\n"), plan.text());
    }

    @Test
    void missingImageFailsWithHowToProvideIt() {
        Project p = load("""
                services:
                  app:
                    image: registry.example/app:1.2
                  web:
                    build: .
                """);
        ComposeException e = assertThrows(ComposeException.class,
                () -> plan(p, new ObservedState("1.41", List.of(), Map.of(), Map.of(), Map.of())));
        assertTrue(e.getMessage().contains("service 'app' needs image 'registry.example/app:1.2'"), e.getMessage());
        assertTrue(e.getMessage().contains("docker-stack:build"), e.getMessage());
        assertTrue(e.getMessage().contains("docker-stack:pull"), e.getMessage());
        assertTrue(e.getMessage().contains("service 'web' needs image 'po_off-web'"), e.getMessage());
    }

    @Test
    void aServiceSharingTheNamespaceOfARecreatedOneIsRecreatedToo() {
        String yaml = """
                services:
                  vpn:
                    image: busybox:latest
                  app:
                    image: busybox:latest
                    network_mode: "service:vpn"
                """;
        Project before = load(yaml);
        ObservedState observed = upToDate(before, "running");
        assertTrue(plan(before, observed).changesNothing(), plan(before, observed).text());
        Project after = load(yaml.replace("  vpn:\n    image: busybox:latest", "  vpn:\n    image: busybox:latest\n    hostname: v"));
        assertEquals("""
                keep network po_off_default (exists)
                recreate container po_off-vpn-1 (config hash changed)
                recreate container po_off-app-1 (service 'vpn' it shares a namespace or volumes with gets a new container)""",
                plan(after, observed).text());
    }

    @Test
    void implicitDependenciesOrderTheServices() {
        Project p = load("""
                services:
                  a:
                    image: busybox:latest
                    volumes_from: [z]
                  z:
                    image: busybox:latest
                """);
        assertEquals(List.of("z", "a"), List.copyOf(plan(p, empty(p)).services().keySet()));
    }
}
