package io.github.dockerstack.plan;

import io.github.dockerstack.engine.ApiVersions;
import io.github.dockerstack.engine.ContainerSpec;
import io.github.dockerstack.engine.ContainerSpec.MountPoint;
import io.github.dockerstack.engine.ContainerSpec.MountType;
import io.github.dockerstack.engine.Labels;
import io.github.dockerstack.engine.NetworkEndpoint;
import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.model.BlkioConfig;
import io.github.dockerstack.model.DependsOn;
import io.github.dockerstack.model.Deploy;
import io.github.dockerstack.model.Device;
import io.github.dockerstack.model.DeviceRequest;
import io.github.dockerstack.model.FileObject;
import io.github.dockerstack.model.FileReference;
import io.github.dockerstack.model.Healthcheck;
import io.github.dockerstack.model.Mount;
import io.github.dockerstack.model.Network;
import io.github.dockerstack.model.Port;
import io.github.dockerstack.model.Project;
import io.github.dockerstack.model.Service;
import io.github.dockerstack.model.ServiceNetwork;
import io.github.dockerstack.model.Volume;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A service's container, as Docker Compose v2 would create it: named {@code <project>-<service>-<n>}
 * (or {@code container_name}), labelled {@code com.docker.compose.*}, aliased on each network by its
 * container name, its service name and the configured aliases. Pure, except that a seccomp profile
 * file is read, as Compose reads it.
 *
 * <p>What the engine cannot honour fails with a {@link ComposeException} naming the service and the
 * field; what Compose itself ignores on a single engine (swarm-only settings) is listed by
 * {@link #ignored(Project, Service)} for the caller to warn about. Nothing is dropped silently.
 */
public final class ContainerSpecs {
    /** Where a secret lands without a target, as in Compose without swarm. */
    public static final String SECRETS_DIR = "/run/secrets/";
    /** Where a config lands without a target. */
    public static final String CONFIGS_DIR = "/";

    private static final String SERVICE_PREFIX = "service:";
    private static final String CONTAINER_PREFIX = "container:";

    private ContainerSpecs() {
    }

    /**
     * What the mapping needs besides the model.
     *
     * @param imageId id of the image the container will use, for the {@code com.docker.compose.image}
     *                label and the config hash; null when unknown
     * @param imagePlatform "os/arch" of that image, to catch a {@code platform:} mismatch; null when unknown
     * @param apiVersion the engine's API version ("1.41"); null to skip version checks
     * @param serviceContainer what {@code service:x} references (network_mode, ipc, pid, volumes_from,
     *                         links) become: a container name or id of service x. Default: the name of
     *                         its first container. The config hash includes it, so passing ids makes
     *                         a dependant be recreated with its dependency, as Compose does.
     * @param environmentFiles env files given explicitly (--env-file), for their label; may be empty
     */
    public record Options(String imageId, String imagePlatform, String apiVersion, Function<String, String> serviceContainer,
                          List<String> environmentFiles) {
        public Options {
            environmentFiles = environmentFiles == null ? List.of() : List.copyOf(environmentFiles);
        }

        public static Options defaults() {
            return new Options(null, null, null, null, List.of());
        }

        public Options withImage(String id, String platform) {
            return new Options(id, platform, apiVersion, serviceContainer, environmentFiles);
        }

        public Options withApiVersion(String version) {
            return new Options(imageId, imagePlatform, version, serviceContainer, environmentFiles);
        }

        public Options withServiceContainer(Function<String, String> resolver) {
            return new Options(imageId, imagePlatform, apiVersion, resolver, environmentFiles);
        }

        public Options withEnvironmentFiles(List<String> files) {
            return new Options(imageId, imagePlatform, apiVersion, serviceContainer, files);
        }
    }

    public static ContainerSpec of(Project project, Service service, int number) {
        return of(project, service, number, Options.defaults());
    }

    public static ContainerSpec of(Project project, Service service, int number, Options options) {
        ContainerSpec spec = new Mapping(project, service, number, options).spec();
        // the hash covers the service, not the replica: every replica gets the first one's hash
        ContainerSpec first = number == 1 ? spec : new Mapping(project, service, 1, options).spec();
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.put(Labels.CONFIG_HASH, ConfigHash.of(first));
        return spec.toBuilder().labels(labels).build();
    }

    /** {@code container_name}, else {@code <project>-<service>-<number>}. */
    public static String containerName(Project project, Service service, int number) {
        return service.containerName() != null ? service.containerName() : project.name() + "-" + service.name() + "-" + number;
    }

    /** The image a service runs: {@code image}, else the name Compose gives a built image, {@code <project>-<service>}. */
    public static String imageName(Project project, Service service) {
        return service.image() != null ? service.image() : project.name() + "-" + service.name();
    }

    /** The {@code com.docker.compose.depends_on} value: {@code service:condition:restart}, comma-joined, sorted by service. */
    public static String dependsOnLabel(Service service) {
        return new TreeMap<>(service.dependsOn()).entrySet().stream()
                .map(e -> e.getKey() + ":" + condition(e.getValue()) + ":" + e.getValue().restart())
                .collect(Collectors.joining(","));
    }

    private static String condition(DependsOn d) {
        return d.condition() == null ? DependsOn.STARTED : d.condition();
    }

    /**
     * Settings of the service that Docker Compose also ignores on a single engine (swarm-only), one
     * message each, naming the field; the caller warns.
     */
    public static List<String> ignored(Project project, Service service) {
        List<String> notes = new ArrayList<>();
        String at = "services." + service.name() + ".";
        Deploy deploy = service.deploy();
        if (deploy != null) {
            if (!deploy.labels().isEmpty()) {
                notes.add(at + "deploy.labels: swarm service labels, ignored by a single engine (use labels:)");
            }
            Deploy.Resources resources = deploy.resources();
            if (resources != null && resources.reservations() != null) {
                if (resources.reservations().cpus() != null) {
                    notes.add(at + "deploy.resources.reservations.cpus: a swarm scheduling hint, ignored by a single engine");
                }
                if (resources.reservations().pids() != null) {
                    notes.add(at + "deploy.resources.reservations.pids: only a limit exists for pids, ignored");
                }
            }
            Deploy.RestartPolicy restart = deploy.restartPolicy();
            if (restart != null && (restart.delay() != null || restart.window() != null)) {
                notes.add(at + "deploy.restart_policy.delay/window: swarm-only, ignored (the engine restarts with its own back-off)");
            }
        }
        for (int i = 0; i < service.ports().size(); i++) {
            if ("host".equals(service.ports().get(i).mode())) {
                notes.add(at + "ports[" + i + "].mode: host: swarm-only, the port is published normally");
            }
        }
        for (int i = 0; i < service.volumes().size(); i++) {
            if (service.volumes().get(i).consistency() != null) {
                notes.add(at + "volumes[" + i + "].consistency: ignored by Linux engines");
            }
        }
        fileNotes(notes, at + "secrets", service.secrets(), project.secrets());
        fileNotes(notes, at + "configs", service.configs(), project.configs());
        return notes;
    }

    private static void fileNotes(List<String> notes, String path, List<FileReference> refs, Map<String, FileObject> defined) {
        for (int i = 0; i < refs.size(); i++) {
            FileReference r = refs.get(i);
            FileObject object = defined.get(r.source());
            boolean bound = object == null || object.file() != null; // the others are written with their owner and mode
            if (bound && (r.uid() != null || r.gid() != null || r.mode() != null)) {
                notes.add(path + "[" + i + "]: uid, gid and mode need swarm; the file is bind-mounted with the host file's owner and mode");
            }
        }
    }

    /** One mapping run; fields keep the many small steps short. */
    private static final class Mapping {
        private final Project project;
        private final Service service;
        private final int number;
        private final Options options;
        private final String name;
        private final String at;
        private final ContainerSpec.Builder b;

        Mapping(Project project, Service service, int number, Options options) {
            this.project = project;
            this.service = service;
            this.number = number;
            this.options = options;
            this.name = containerName(project, service, number);
            this.at = "services." + service.name();
            this.b = ContainerSpec.builder(name, imageName(project, service));
        }

        ContainerSpec spec() {
            unsupported();
            if (number < 1) {
                throw new IllegalArgumentException("container numbers start at 1: " + number);
            }
            if (number > 1 && service.containerName() != null) {
                fail(".container_name", "a fixed container name allows a single container, but container " + number
                        + " was asked for; remove container_name or scale to 1");
            }
            b.platform(platform());
            b.command(service.command()).entrypoint(service.entrypoint());
            Map<String, String> env = new LinkedHashMap<>();
            service.environment().forEach((k, v) -> {
                if (v != null) { // an unresolved variable: Compose passes nothing either
                    env.put(k, v);
                }
            });
            b.env(env);
            b.labels(labels());
            ports();
            mounts();
            b.hostname(service.hostname()).domainname(service.domainname()).user(service.user()).workingDir(service.workingDir())
                    .init(service.init()).stopSignal(service.stopSignal())
                    .stopTimeout(service.stopGracePeriod() == null ? null : Math.toIntExact(service.stopGracePeriod().getSeconds()))
                    .tty(service.tty()).stdinOpen(service.stdinOpen()).privileged(service.privileged()).readOnly(service.readOnly())
                    .capAdd(service.capAdd()).capDrop(service.capDrop()).securityOpt(securityOpts())
                    .ulimits(service.ulimits().entrySet().stream()
                            .map(e -> new ContainerSpec.Ulimit(e.getKey(), e.getValue().softValue(), e.getValue().hardValue())).toList())
                    .sysctls(service.sysctls())
                    .extraHosts(service.extraHosts().stream().map(h -> h.replaceFirst("=", ":")).toList())
                    .dns(service.dns()).dnsSearch(service.dnsSearch()).dnsOpt(service.dnsOpt()).shmSize(service.shmSize())
                    .cpuShares(service.cpuShares()).cpuset(service.cpuset())
                    .pidMode(namespace(service.pid(), ".pid")).ipcMode(namespace(service.ipc(), ".ipc")).usernsMode(service.usernsMode())
                    .devices(devices()).groupAdd(service.groupAdd())
                    .restartPolicy(restartPolicy()).healthcheck(healthcheck())
                    .runtime(service.runtime()).oomScoreAdj(service.oomScoreAdj()).oomKillDisable(service.oomKillDisable())
                    .cgroupParent(service.cgroupParent()).annotations(annotations());
            kernelControls();
            if (service.logging() != null) {
                b.logDriver(service.logging().driver()).logOptions(service.logging().options());
            }
            resources();
            networks();
            return b.build();
        }

        /** Fields no engine call can carry: fail rather than drop them. */
        private void unsupported() {
            if (service.deploy() != null && "global".equals(service.deploy().mode())) {
                fail(".deploy.mode", "'global' (one container per swarm node) needs swarm; remove it or use mode: replicated");
            }
        }

        private String platform() {
            String platform = service.platform() != null ? service.platform() : project.environment().get("DOCKER_DEFAULT_PLATFORM");
            if (platform != null && platform.isBlank()) {
                platform = null;
            }
            if (platform != null && options.imagePlatform() != null && !samePlatform(platform, options.imagePlatform())) {
                fail(".platform", "the image " + imageName(project, service) + " is " + options.imagePlatform() + ", not " + platform
                        + "; rebuild or pull it for " + platform + ", or change platform:");
            }
            return platform;
        }

        private static boolean samePlatform(String wanted, String image) {
            String[] w = wanted.toLowerCase().split("/");
            String[] i = image.toLowerCase().split("/");
            for (int k = 0; k < Math.min(w.length, i.length); k++) {
                if (!w[k].equals(i[k])) {
                    return false;
                }
            }
            return true;
        }

        private Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>(service.labels());
            labels.put(Labels.PROJECT, project.name());
            labels.put(Labels.SERVICE, service.name());
            labels.put(Labels.CONTAINER_NUMBER, Integer.toString(number));
            labels.put(Labels.ONEOFF, Labels.FALSE);
            labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
            labels.put(Labels.WORKING_DIR, project.workingDir().toString());
            labels.put(Labels.CONFIG_FILES, project.configFiles().stream().map(Path::toString).collect(Collectors.joining(",")));
            if (!options.environmentFiles().isEmpty()) {
                labels.put(Labels.ENVIRONMENT_FILE, String.join(",", options.environmentFiles()));
            }
            labels.put(Labels.DEPENDS_ON, dependsOnLabel(service));
            if (options.imageId() != null) {
                labels.put(Labels.IMAGE, options.imageId());
            }
            return labels;
        }

        private void ports() {
            Set<String> exposed = new LinkedHashSet<>();
            for (int i = 0; i < service.expose().size(); i++) {
                exposed.addAll(expose(service.expose().get(i), ".expose[" + i + "]"));
            }
            List<ContainerSpec.PortBinding> bindings = new ArrayList<>();
            for (Port p : service.ports()) {
                String protocol = p.protocol() == null || p.protocol().isEmpty() ? "tcp" : p.protocol();
                exposed.add(p.target() + "/" + protocol);
                bindings.add(new ContainerSpec.PortBinding(emptyToNull(p.hostIp()), emptyToNull(p.published()), p.target(), protocol));
            }
            b.exposedPorts(List.copyOf(exposed)).portBindings(bindings);
        }

        /** "80", "80/udp", "8000-8010/tcp": one entry per port. */
        private List<String> expose(String entry, String path) {
            String[] parts = entry.trim().split("/", 2);
            String protocol = parts.length > 1 ? parts[1] : "tcp";
            String[] range = parts[0].split("-", 2);
            try {
                int first = Integer.parseInt(range[0].trim());
                int last = range.length > 1 ? Integer.parseInt(range[1].trim()) : first;
                if (first < 1 || last > 65535 || last < first) {
                    throw new NumberFormatException();
                }
                List<String> ports = new ArrayList<>();
                for (int port = first; port <= last; port++) {
                    ports.add(port + "/" + protocol);
                }
                return ports;
            } catch (NumberFormatException e) {
                throw fail(path, "'" + entry + "' is not a port or port range (like 80, 80/udp or 8000-8010)");
            }
        }

        private void mounts() {
            List<MountPoint> mounts = new ArrayList<>();
            Set<String> targets = new LinkedHashSet<>();
            for (int i = 0; i < service.volumes().size(); i++) {
                MountPoint m = mount(service.volumes().get(i), ".volumes[" + i + "]");
                mounts.add(m);
                targets.add(m.target());
            }
            // secrets and configs: read-only binds of their files, unless a volume already sits there (as Compose); those from
            // environment or content are written into the container before it starts
            List<ContainerSpec.FileCopy> files = new ArrayList<>();
            for (int i = 0; i < service.secrets().size(); i++) {
                fileReference(service.secrets().get(i), "secret", project.secrets(), SECRETS_DIR, ".secrets[" + i + "]", targets, mounts,
                        files);
            }
            for (int i = 0; i < service.configs().size(); i++) {
                fileReference(service.configs().get(i), "config", project.configs(), CONFIGS_DIR, ".configs[" + i + "]", targets, mounts,
                        files);
            }
            b.mounts(mounts).files(files);
            Map<String, String> tmpfs = new LinkedHashMap<>();
            for (String t : service.tmpfs()) {
                int colon = t.indexOf(':');
                tmpfs.put(colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1));
            }
            b.tmpfs(tmpfs);
            List<String> volumesFrom = new ArrayList<>();
            for (int i = 0; i < service.volumesFrom().size(); i++) {
                volumesFrom.add(volumesFrom(service.volumesFrom().get(i), ".volumes_from[" + i + "]"));
            }
            b.volumesFrom(volumesFrom);
        }

        private MountPoint mount(Mount m, String path) {
            String type = m.type() == null ? "volume" : m.type();
            switch (type) {
                case "bind" -> {
                    if (m.source() == null || m.source().isEmpty()) {
                        throw fail(path + ".source", "a bind mount needs a host path");
                    }
                    Mount.BindOptions o = m.bind();
                    boolean create = o == null || o.createHostPath() == null || o.createHostPath();
                    return new MountPoint(MountType.BIND, m.source(), m.target(), m.readOnly(), create, o == null ? null : o.propagation(),
                            o == null ? null : emptyToNull(o.selinux()), false, null, null);
                }
                case "volume" -> {
                    if (m.volume() != null && m.volume().subpath() != null && !m.volume().subpath().isEmpty()) {
                        throw fail(path + ".volume.subpath", "mounting part of a volume is not supported by docker-stack's engine client;"
                                + " mount the whole volume");
                    }
                    String source = m.source();
                    if (source != null && !source.isEmpty()) {
                        Volume volume = project.volumes().get(source);
                        source = volume != null && volume.name() != null ? volume.name() : source;
                    } else {
                        source = null; // anonymous
                    }
                    boolean noCopy = m.volume() != null && Boolean.TRUE.equals(m.volume().nocopy());
                    return new MountPoint(MountType.VOLUME, source, m.target(), m.readOnly(), false, null, null, noCopy, null, null);
                }
                case "tmpfs" -> {
                    Mount.TmpfsOptions t = m.tmpfs();
                    return new MountPoint(MountType.TMPFS, null, m.target(), m.readOnly(), false, null, null, false,
                            t == null ? null : t.size(), t == null ? null : t.mode());
                }
                default -> throw fail(path + ".type", "'" + type + "' mounts are not supported on this engine; use bind, volume or tmpfs");
            }
        }

        private void fileReference(FileReference ref, String kind, Map<String, FileObject> defined, String baseDir, String path,
                Set<String> targets, List<MountPoint> mounts, List<ContainerSpec.FileCopy> files) {
            FileObject object = defined.get(ref.source());
            if (object == null) {
                throw fail(path + ".source", "there is no top-level " + kind + " '" + ref.source() + "'");
            }
            String target = ref.target() == null || ref.target().isEmpty() ? baseDir + ref.source()
                    : ref.target().startsWith("/") ? ref.target() : baseDir + ref.target();
            String objectPath = kind + "s." + ref.source();
            if (object.external()) {
                throw fail(path, "external " + kind + " '" + ref.source() + "' lives in swarm, which a single engine does not have; define "
                        + objectPath + ".file instead");
            }
            if (object.file() != null) {
                if (targets.add(target)) {
                    mounts.add(new MountPoint(MountType.BIND, object.file(), target, true, false, null, null, false, null, null));
                }
                return;
            }
            String content = object.content();
            if (content == null && object.environment() != null) {
                content = project.environment().get(object.environment());
                if (content == null) {
                    throw fail(path, "environment variable " + object.environment() + " required by " + kind + " '" + ref.source()
                            + "' is not set; set it in the environment, the .env file or the pom's <environment>");
                }
            }
            if (content == null) {
                throw fail(path, kind + " '" + ref.source() + "' has no file, environment or content");
            }
            if (content.isEmpty()) {
                return; // as compose: nothing to write
            }
            if (service.readOnly()) {
                throw fail(path, "cannot write " + kind + " '" + ref.source() + "' into a read_only service; only " + objectPath
                        + ".file can be mounted there");
            }
            files.add(new ContainerSpec.FileCopy(target, content, ref.mode() == null ? 0444 : ref.mode(), id(ref.uid(), path + ".uid"),
                    id(ref.gid(), path + ".gid")));
        }

        private Integer id(String value, String path) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw fail(path, "must be a number, not '" + value + "'");
            }
        }

        private String volumesFrom(String entry, String path) {
            String[] parts = entry.split(":");
            if (parts[0].equals("container")) {
                if (parts.length < 2 || parts[1].isEmpty()) {
                    throw fail(path, "'" + entry + "' names no container; use container:NAME[:ro|rw]");
                }
                return parts.length > 2 ? parts[1] + ":" + parts[2] : parts[1];
            }
            String target = serviceContainer(parts[0], path);
            return parts.length > 1 ? target + ":" + parts[1] : target;
        }

        /** {@code service:x} becomes {@code container:<x's container>}. */
        private String namespace(String mode, String path) {
            if (mode != null && mode.startsWith(SERVICE_PREFIX)) {
                return CONTAINER_PREFIX + serviceContainer(mode.substring(SERVICE_PREFIX.length()), path);
            }
            return mode;
        }

        private String serviceContainer(String other, String path) {
            Service target = project.services().get(other);
            if (target == null) {
                target = project.disabledServices().get(other);
            }
            if (target == null) {
                throw fail(path, "service '" + other + "' does not exist");
            }
            if (options.serviceContainer() != null) {
                String resolved = options.serviceContainer().apply(other);
                if (resolved == null || resolved.isEmpty()) {
                    throw fail(path, "service '" + other + "' has no container yet; it must be created first");
                }
                return resolved;
            }
            return containerName(project, target, 1);
        }

        private List<String> securityOpts() {
            List<String> result = new ArrayList<>();
            for (int i = 0; i < service.securityOpt().size(); i++) {
                String opt = service.securityOpt().get(i);
                if (opt.equals("systempaths=unconfined")) {
                    b.unconfinedSystemPaths(true); // as the docker CLI: no masked or read-only paths, and no such option for the engine
                    continue;
                }
                result.add(SeccompProfiles.inline(opt, project.workingDir(), at + ".security_opt[" + i + "]"));
            }
            return result;
        }

        private List<ContainerSpec.DeviceMapping> devices() {
            List<ContainerSpec.DeviceMapping> devices = new ArrayList<>();
            for (int i = 0; i < service.devices().size(); i++) {
                Device d = service.devices().get(i);
                if (d.source() == null || !d.source().startsWith("/")) {
                    throw fail(".devices[" + i + "]", "'" + d.source() + "' is not a device path; CDI devices (vendor/class=name)"
                            + " are not supported by docker-stack's engine client");
                }
                devices.add(new ContainerSpec.DeviceMapping(d.source(), d.target() == null ? d.source() : d.target(),
                        d.permissions() == null ? "rwm" : d.permissions()));
            }
            return devices;
        }

        private ContainerSpec.RestartPolicy restartPolicy() {
            ContainerSpec.RestartPolicy policy = null;
            if (service.restart() != null && !service.restart().isEmpty()) {
                String[] parts = service.restart().split(":", 2);
                int retries = 0;
                if (parts.length > 1) {
                    try {
                        retries = Integer.parseInt(parts[1].trim());
                    } catch (NumberFormatException e) {
                        throw fail(".restart", "'" + service.restart() + "': the retry count after on-failure: must be a number");
                    }
                }
                policy = new ContainerSpec.RestartPolicy(restartName(parts[0], ".restart"), retries);
            }
            Deploy.RestartPolicy deploy = service.deploy() == null ? null : service.deploy().restartPolicy();
            if (deploy != null) { // wins over restart:, as in Compose
                String condition = deploy.condition() == null ? "any" : deploy.condition();
                policy = new ContainerSpec.RestartPolicy(restartName(condition, ".deploy.restart_policy.condition"),
                        deploy.maxAttempts() == null ? 0 : deploy.maxAttempts());
            }
            return policy;
        }

        private String restartName(String condition, String path) {
            return switch (condition) {
                case "no", "none" -> "no";
                case "always", "any" -> "always";
                case "on-failure" -> "on-failure";
                case "unless-stopped" -> "unless-stopped";
                default -> throw fail(path, "'" + condition + "' is not a restart policy; use no, always, on-failure or unless-stopped");
            };
        }

        private ContainerSpec.Healthcheck healthcheck() {
            Healthcheck h = service.healthcheck();
            if (h == null) {
                return null;
            }
            if (h.startInterval() != null) {
                if (options.apiVersion() != null && !ApiVersions.atLeast(options.apiVersion(), 1, 44)) {
                    fail(".healthcheck.start_interval", "needs Docker Engine 25 (API 1.44) or later; this engine speaks API "
                            + options.apiVersion() + ". Remove it or upgrade the engine");
                }
                if (h.startPeriod() == null) {
                    fail(".healthcheck.start_interval", "needs healthcheck.start_period as well");
                }
            }
            List<String> test = h.disable() ? List.of("NONE") : h.test() == null ? List.of() : h.test();
            return new ContainerSpec.Healthcheck(test, nanos(h.interval()), nanos(h.timeout()), nanos(h.startPeriod()),
                    nanos(h.startInterval()), h.retries());
        }

        private Map<String, String> annotations() {
            if (!service.annotations().isEmpty() && options.apiVersion() != null && !ApiVersions.atLeast(options.apiVersion(), 1, 43)) {
                fail(".annotations", "needs Docker Engine 24 (API 1.43) or later; this engine speaks API " + options.apiVersion()
                        + ". Remove them or upgrade the engine");
            }
            return service.annotations();
        }

        /** CPU scheduling, swappiness, block IO, device rules, the cgroup and UTS namespaces, storage options. */
        private void kernelControls() {
            String cgroup = service.cgroup();
            if (cgroup != null && !cgroup.equals("host") && !cgroup.equals("private")) {
                fail(".cgroup", "must be host or private, not '" + cgroup + "'");
            }
            if (cgroup != null && options.apiVersion() != null && !ApiVersions.atLeast(options.apiVersion(), 1, 41)) {
                fail(".cgroup", "needs Docker Engine 20.10 (API 1.41) or later; this engine speaks API " + options.apiVersion()
                        + ". Remove it or upgrade the engine");
            }
            b.cpuPeriod(service.cpuPeriod()).cpuQuota(service.cpuQuota())
                    .cpuRealtimePeriod(service.cpuRtPeriod()).cpuRealtimeRuntime(service.cpuRtRuntime())
                    .memorySwappiness(service.memSwappiness()).deviceCgroupRules(service.deviceCgroupRules())
                    .cgroupnsMode(cgroup).utsMode(service.uts()).storageOpt(service.storageOpt());
            BlkioConfig blkio = service.blkioConfig();
            if (blkio != null) {
                b.blkio(new ContainerSpec.Blkio(blkio.weight(),
                        blkio.weightDevice().stream().map(d -> new ContainerSpec.DeviceLimit(d.path(), d.weight())).toList(),
                        limits(blkio.deviceReadBps()), limits(blkio.deviceReadIops()),
                        limits(blkio.deviceWriteBps()), limits(blkio.deviceWriteIops())));
            }
        }

        private static List<ContainerSpec.DeviceLimit> limits(List<BlkioConfig.Throttle> throttles) {
            return throttles.stream().map(t -> new ContainerSpec.DeviceLimit(t.path(), t.rate())).toList();
        }

        /** mem_limit, cpus and pids_limit; deploy.resources wins where set, as in Compose. */
        private void resources() {
            Long memory = service.memLimit();
            Long reservation = service.memReservation();
            Double cpus = service.cpus();
            Long pids = service.pidsLimit();
            Deploy.Resources r = service.deploy() == null ? null : service.deploy().resources();
            if (r != null && r.limits() != null) {
                memory = positive(r.limits().memory()) != null ? r.limits().memory() : memory;
                cpus = r.limits().cpus() != null && r.limits().cpus() > 0 ? r.limits().cpus() : cpus;
                pids = positive(r.limits().pids()) != null ? r.limits().pids() : pids;
            }
            if (r != null && r.reservations() != null && positive(r.reservations().memory()) != null) {
                reservation = r.reservations().memory();
            }
            b.memory(memory).memorySwap(service.memswapLimit()).memoryReservation(reservation)
                    .nanoCpus(cpus == null ? null : Math.round(cpus * 1e9)).pidsLimit(pids);
            List<ContainerSpec.DeviceRequest> requests = new ArrayList<>();
            service.gpus().forEach(g -> requests.add(deviceRequest(g, "gpu")));
            if (r != null) {
                r.reservedDevices().forEach(d -> requests.add(deviceRequest(d, null)));
            }
            b.deviceRequests(requests);
        }

        /** As compose: a {@code gpus} entry asks for the "gpu" capability besides its own. */
        private static ContainerSpec.DeviceRequest deviceRequest(DeviceRequest request, String implied) {
            List<String> capabilities = new ArrayList<>(request.capabilities());
            if (implied != null && !capabilities.contains(implied)) {
                capabilities.add(implied);
            }
            return new ContainerSpec.DeviceRequest(request.driver(), request.count(), request.deviceIds(), List.of(capabilities),
                    request.options());
        }

        private void networks() {
            List<String> links = links();
            b.links(links);
            String mode = service.networkMode();
            if (mode != null && !mode.isEmpty()) {
                if (!service.networks().isEmpty()) {
                    fail(".network_mode", "network_mode and networks cannot be used together; keep one");
                }
                b.networkMode(namespace(mode, ".network_mode")).macAddress(emptyToNull(service.macAddress()));
                return;
            }
            List<String> keys = new ArrayList<>(service.networks().keySet());
            if (keys.isEmpty()) {
                if (project.networks().isEmpty()) {
                    b.networkMode("none").macAddress(emptyToNull(service.macAddress())); // as Compose
                    return;
                }
                if (!project.networks().containsKey("default")) {
                    b.macAddress(emptyToNull(service.macAddress()));
                    return;
                }
                keys.add("default");
            }
            keys.sort(Comparator.comparingInt((String k) -> -priority(k)).thenComparing(Comparator.naturalOrder()));
            List<NetworkEndpoint> endpoints = new ArrayList<>();
            for (String key : keys) {
                endpoints.add(endpoint(key, links));
            }
            macAddresses(keys, endpoints);
            NetworkEndpoint first = endpoints.get(0);
            b.networkMode(first.network()).network(first).additionalNetworks(endpoints.subList(1, endpoints.size()));
        }

        private int priority(String key) {
            ServiceNetwork n = service.networks().get(key);
            return n == null || n.priority() == null ? 0 : n.priority();
        }

        private NetworkEndpoint endpoint(String key, List<String> links) {
            Network network = project.networks().get(key);
            if (network == null) {
                throw fail(".networks." + key, "there is no top-level network '" + key + "'");
            }
            ServiceNetwork config = service.networks().get(key);
            List<String> aliases = new ArrayList<>(List.of(name, service.name()));
            if (config != null) {
                for (String alias : config.aliases()) {
                    if (!aliases.contains(alias)) {
                        aliases.add(alias);
                    }
                }
            }
            return new NetworkEndpoint(network.name(), aliases, config == null ? null : emptyToNull(config.ipv4Address()),
                    config == null ? null : emptyToNull(config.ipv6Address()), config == null ? null : emptyToNull(config.macAddress()), links,
                    config == null ? List.of() : config.linkLocalIps(), config == null ? Map.of() : config.driverOpts());
        }

        /**
         * The service's mac_address belongs to the first network. Before API 1.44 only that one can
         * have a MAC address; it then goes container-wide, as Compose does.
         */
        private void macAddresses(List<String> keys, List<NetworkEndpoint> endpoints) {
            String serviceMac = emptyToNull(service.macAddress());
            NetworkEndpoint first = endpoints.get(0);
            if (serviceMac != null && first.macAddress() != null && !serviceMac.equals(first.macAddress())) {
                fail(".mac_address", "differs from networks." + keys.get(0) + ".mac_address; set one of them");
            }
            String mac = first.macAddress() != null ? first.macAddress() : serviceMac;
            endpoints.set(0, new NetworkEndpoint(first.network(), first.aliases(), first.ipv4Address(), first.ipv6Address(), null,
                    first.links(), first.linkLocalIps(), first.driverOpts()));
            b.macAddress(mac);
            boolean old = options.apiVersion() != null && !ApiVersions.atLeast(options.apiVersion(), 1, 44);
            for (int i = 1; i < endpoints.size(); i++) {
                if (old && endpoints.get(i).macAddress() != null) {
                    fail(".networks." + keys.get(i) + ".mac_address", "a MAC address on a second network needs Docker Engine 25"
                            + " (API 1.44) or later; this engine speaks API " + options.apiVersion());
                }
            }
        }

        /** Like Compose v2: each link as the alias, as {@code <service>-<n>} and as {@code <project>-<service>-<n>}. */
        private List<String> links() {
            List<String> links = new ArrayList<>();
            for (int i = 0; i < service.links().size(); i++) {
                String[] parts = service.links().get(i).split(":", 2);
                String alias = parts.length > 1 ? parts[1] : parts[0];
                String container = serviceContainer(parts[0], ".links[" + i + "]");
                links.add(container + ":" + alias);
                links.add(container + ":" + parts[0] + "-" + number);
                links.add(container + ":" + project.name() + "-" + parts[0] + "-" + number);
            }
            for (String external : service.externalLinks()) {
                String[] parts = external.split(":", 2);
                links.add(parts[0] + ":" + (parts.length > 1 ? parts[1] : parts[0]));
            }
            return links.stream().distinct().toList();
        }

        private ComposeException fail(String field, String problem) {
            throw new ComposeException(null, field.startsWith("services.") ? field : at + field, problem);
        }
    }

    private static Long nanos(Duration d) {
        return d == null ? null : d.toNanos();
    }

    private static Long positive(Long value) {
        return value != null && value > 0 ? value : null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
