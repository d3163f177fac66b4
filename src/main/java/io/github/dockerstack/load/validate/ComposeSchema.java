package io.github.dockerstack.load.validate;

import io.github.dockerstack.load.validate.Shape.Anything;
import io.github.dockerstack.load.validate.Shape.Attributes;
import io.github.dockerstack.load.validate.Shape.Dictionary;
import io.github.dockerstack.load.validate.Shape.OneOf;
import io.github.dockerstack.load.validate.Shape.Scalar;
import io.github.dockerstack.load.validate.Shape.Sequence;
import java.util.List;

/**
 * The attributes compose knows, and the container form of each: a hand-written reading of the
 * compose specification's JSON schema (compose-go {@code schema/compose-spec.json}), plus the
 * keys the canonical stage writes ({@code ulimits.<name>.single}). Each alternative form the
 * schema allows (string or list, list or mapping) is kept, so the table also accepts a tree that
 * some stage left in short syntax. Value types, enums and patterns are left to the bind stage.
 */
final class ComposeSchema {
    private ComposeSchema() {
    }

    static final Shape SCALAR = new Scalar("a single value (a string, number or boolean)");
    static final Shape ANY = new Anything();
    static final Shape LIST_OF_STRINGS = new Sequence("a list of strings", SCALAR);
    static final Shape STRING_OR_LIST = oneOf("a string or a list of strings", SCALAR, LIST_OF_STRINGS);
    static final Shape SCALAR_DICT = new Dictionary("a mapping of names to single values", SCALAR);
    static final Shape LIST_OR_DICT = oneOf("a mapping (KEY: value) or a list of \"KEY=value\" strings",
            new Dictionary("a mapping (KEY: value)", SCALAR), LIST_OF_STRINGS);
    static final Shape COMMAND = oneOf("a string or a list of strings", SCALAR, LIST_OF_STRINGS);

    static final Shape EXTRA_HOSTS = oneOf("a mapping (host: ip) or a list of \"host=ip\" strings",
            new Dictionary("a mapping (host: ip)", oneOf("an IP address or a list of them", SCALAR, LIST_OF_STRINGS)),
            LIST_OF_STRINGS);

    static final Shape ULIMITS = new Dictionary("a mapping of limit names to a number or {soft, hard}",
            oneOf("a number or a mapping with 'soft' and 'hard'", SCALAR,
                    Attributes.of("ulimit").with(SCALAR, "soft", "hard", "single").build()));

    /** Service {@code secrets} and {@code configs} (also {@code build.secrets}). */
    static final Shape FILE_REFERENCES = list("a list of names or of {source, target, uid, gid, mode} mappings",
            oneOf("a name or a mapping with 'source'", SCALAR,
                    Attributes.of("secret or config reference").with(SCALAR, "source", "target", "uid", "gid", "mode").build()));

    static final Shape HOOK = Attributes.of("hook")
            .with(COMMAND, "command")
            .with(SCALAR, "user", "privileged", "working_dir")
            .with(LIST_OR_DICT, "environment")
            .build();

    static final Shape PRE_START_HOOK = Attributes.of("pre_start step")
            .with(COMMAND, "command")
            .with(SCALAR, "image", "user", "privileged", "working_dir", "per_replica")
            .with(LIST_OR_DICT, "environment")
            .build();

    static final Shape BUILD = oneOf("a build context path or a mapping", SCALAR, Attributes.of("build")
            .with(SCALAR, "context", "dockerfile", "dockerfile_inline", "no_cache", "network", "provenance", "sbom", "pull",
                    "target", "shm_size", "isolation", "privileged")
            .with(LIST_OF_STRINGS, "entitlements", "cache_from", "cache_to", "tags", "platforms")
            .with(LIST_OR_DICT, "args", "ssh", "labels", "additional_contexts")
            .with(STRING_OR_LIST, "no_cache_filter")
            .with(EXTRA_HOSTS, "extra_hosts")
            .with(FILE_REFERENCES, "secrets")
            .with(ULIMITS, "ulimits")
            .build());

    static final Shape BLKIO_CONFIG = blkio();

    static final Shape CREDENTIAL_SPEC = Attributes.of("credential_spec").with(SCALAR, "config", "file", "registry").build();

    static final Shape DEPENDS_ON = oneOf("a list of service names or a mapping of service names to {condition, required, restart}",
            LIST_OF_STRINGS,
            new Dictionary("a mapping of service names to {condition, required, restart}",
                    Attributes.of("depends_on entry").with(SCALAR, "condition", "required", "restart").build()));

    static final Shape DEVICES = list("a list of \"host[:container[:permissions]]\" strings or mappings",
            oneOf("a string or a mapping with 'source'", SCALAR,
                    Attributes.of("device").with(SCALAR, "source", "target", "permissions").build()));

    static final Shape DEVICE_REQUEST = Attributes.of("device request")
            .with(LIST_OF_STRINGS, "capabilities", "device_ids")
            .with(SCALAR, "count", "driver")
            .with(LIST_OR_DICT, "options")
            .build();

    static final Shape GPUS = oneOf("'all' or a list of device requests", SCALAR, list("a list of device requests", DEVICE_REQUEST));

    static final Shape ENV_FILE = oneOf("a path, or a list of paths or of {path, required, format} mappings", SCALAR,
            list("a list of paths or of {path, required, format} mappings",
                    oneOf("a path or a mapping with 'path'", SCALAR,
                            Attributes.of("env_file entry").with(SCALAR, "path", "format", "required").build())));

    static final Shape EXTENDS = oneOf("a service name or a mapping {service, file}", SCALAR,
            Attributes.of("extends").with(SCALAR, "service", "file").build());

    static final Shape PROVIDER = Attributes.of("provider")
            .with(SCALAR, "type")
            .with(new Dictionary("a mapping of option names to values", ANY), "options")
            .build();

    static final Shape HEALTHCHECK = Attributes.of("healthcheck")
            .with(SCALAR, "disable", "interval", "retries", "timeout", "start_period", "start_interval")
            .with(COMMAND, "test")
            .build();

    static final Shape LOGGING = Attributes.of("logging")
            .with(SCALAR, "driver")
            .with(new Dictionary("a mapping of option names to values", SCALAR), "options")
            .build();

    static final Shape SERVICE_MODELS = oneOf("a list of model names or a mapping of model names to {endpoint_var, model_var}",
            LIST_OF_STRINGS,
            new Dictionary("a mapping of model names to {endpoint_var, model_var}",
                    Attributes.of("service model").with(SCALAR, "endpoint_var", "model_var").build()));

    static final Shape SERVICE_NETWORKS = oneOf("a list of network names or a mapping of network names to options",
            LIST_OF_STRINGS,
            new Dictionary("a mapping of network names to options", Attributes.of("service network")
                    .with(LIST_OF_STRINGS, "aliases", "link_local_ips")
                    .with(SCALAR, "interface_name", "ipv4_address", "ipv6_address", "mac_address", "priority", "gw_priority")
                    .with(SCALAR_DICT, "driver_opts")
                    .build()));

    static final Shape PORTS = list("a list of ports", oneOf("a port number, a \"[HOST:]CONTAINER[/PROTOCOL]\" string or a mapping",
            SCALAR,
            Attributes.of("port").with(SCALAR, "name", "mode", "host_ip", "target", "published", "protocol", "app_protocol").build()));

    static final Shape SERVICE_VOLUMES = list("a list of volumes", oneOf("a \"SOURCE:TARGET[:MODE]\" string or a mapping",
            SCALAR,
            Attributes.of("volume mount")
                    .with(SCALAR, "type", "source", "target", "read_only", "consistency")
                    .with(Attributes.of("bind options").with(SCALAR, "propagation", "create_host_path", "recursive", "selinux").build(),
                            "bind")
                    .with(Attributes.of("volume options").with(LIST_OR_DICT, "labels").with(SCALAR, "nocopy", "subpath").build(),
                            "volume")
                    .with(Attributes.of("tmpfs options").with(SCALAR, "size", "mode").build(), "tmpfs")
                    .with(Attributes.of("image options").with(SCALAR, "subpath").build(), "image")
                    .build()));

    static final Shape DEVELOP = Attributes.of("develop")
            .with(list("a list of watch rules", Attributes.of("watch rule")
                    .with(STRING_OR_LIST, "ignore", "include")
                    .with(SCALAR, "path", "action", "target", "initial_sync")
                    .with(HOOK, "exec")
                    .build()), "watch")
            .build();

    static final Shape DEPLOY = deploy();

    static final Shape SERVICE = Attributes.of("service")
            .with(DEVELOP, "develop")
            .with(DEPLOY, "deploy")
            .with(LIST_OR_DICT, "annotations", "environment", "labels", "sysctls")
            .with(SCALAR, "attach", "cgroup", "cgroup_parent", "container_name", "cpu_count", "cpu_percent", "cpu_shares", "cpu_quota",
                    "cpu_period", "cpu_rt_period", "cpu_rt_runtime", "cpus", "cpuset", "domainname", "hostname", "image", "init", "ipc",
                    "isolation", "mac_address", "mem_limit", "mem_reservation", "mem_swappiness", "memswap_limit", "network_mode",
                    "oom_kill_disable", "oom_score_adj", "pid", "pids_limit", "platform", "privileged", "pull_policy",
                    "pull_refresh_after", "read_only", "restart", "runtime", "scale", "shm_size", "stdin_open", "stop_grace_period",
                    "stop_signal", "tty", "use_api_socket", "user", "uts", "userns_mode", "working_dir")
            .with(LIST_OF_STRINGS, "cap_add", "cap_drop", "dns_opt", "expose", "external_links", "group_add", "links",
                    "security_opt", "volumes_from", "profiles", "device_cgroup_rules")
            .with(STRING_OR_LIST, "dns", "dns_search", "tmpfs", "label_file")
            .with(BUILD, "build")
            .with(BLKIO_CONFIG, "blkio_config")
            .with(COMMAND, "command", "entrypoint")
            .with(FILE_REFERENCES, "configs", "secrets")
            .with(CREDENTIAL_SPEC, "credential_spec")
            .with(DEPENDS_ON, "depends_on")
            .with(DEVICES, "devices")
            .with(ENV_FILE, "env_file")
            .with(EXTENDS, "extends")
            .with(PROVIDER, "provider")
            .with(EXTRA_HOSTS, "extra_hosts")
            .with(GPUS, "gpus")
            .with(HEALTHCHECK, "healthcheck")
            .with(LOGGING, "logging")
            .with(SERVICE_MODELS, "models")
            .with(SERVICE_NETWORKS, "networks")
            .with(PORTS, "ports")
            .with(list("a list of pre_start steps", PRE_START_HOOK), "pre_start")
            .with(list("a list of hooks", HOOK), "post_start", "pre_stop")
            .with(new Dictionary("a mapping of option names to values", ANY), "storage_opt")
            .with(ULIMITS, "ulimits")
            .with(SERVICE_VOLUMES, "volumes")
            .build();

    /** {@code external}: a boolean, or the legacy {@code {name: x}}. */
    static final Shape EXTERNAL = oneOf("true or false", SCALAR, Attributes.of("external").with(SCALAR, "name").build());

    static final Shape NETWORK = Attributes.of("network")
            .with(SCALAR, "name", "driver", "internal", "enable_ipv4", "enable_ipv6", "attachable")
            .with(SCALAR_DICT, "driver_opts")
            .with(Attributes.of("ipam")
                    .with(SCALAR, "driver")
                    .with(list("a list of address pools", Attributes.of("ipam config")
                            .with(SCALAR, "subnet", "ip_range", "gateway")
                            .with(SCALAR_DICT, "aux_addresses")
                            .build()), "config")
                    .with(SCALAR_DICT, "options")
                    .build(), "ipam")
            .with(EXTERNAL, "external")
            .with(LIST_OR_DICT, "labels")
            .build();

    static final Shape VOLUME = Attributes.of("volume")
            .with(SCALAR, "name", "driver")
            .with(SCALAR_DICT, "driver_opts")
            .with(EXTERNAL, "external")
            .with(LIST_OR_DICT, "labels")
            .build();

    static final Shape SECRET = Attributes.of("secret")
            .with(SCALAR, "name", "environment", "file", "driver", "template_driver")
            .with(EXTERNAL, "external")
            .with(LIST_OR_DICT, "labels")
            .with(SCALAR_DICT, "driver_opts")
            .build();

    static final Shape CONFIG = Attributes.of("config")
            .with(SCALAR, "name", "content", "environment", "file", "template_driver")
            .with(EXTERNAL, "external")
            .with(LIST_OR_DICT, "labels")
            .build();

    static final Shape MODEL = Attributes.of("model")
            .with(SCALAR, "name", "model", "context_size")
            .with(LIST_OF_STRINGS, "runtime_flags")
            .build();

    static final Shape INCLUDE = list("a list of paths or of {path, env_file, project_directory} mappings",
            oneOf("a path or a mapping with 'path'", SCALAR, Attributes.of("include entry")
                    .with(STRING_OR_LIST, "path", "env_file")
                    .with(SCALAR, "project_directory")
                    .build()));

    static final Shape ROOT = Attributes.of("top-level")
            .with(SCALAR, "version", "name")
            .with(INCLUDE, "include")
            .with(named("services", SERVICE), "services")
            .with(named("models", MODEL), "models")
            .with(named("networks", NETWORK), "networks")
            .with(named("volumes", VOLUME), "volumes")
            .with(named("secrets", SECRET), "secrets")
            .with(named("configs", CONFIG), "configs")
            .build();

    private static Shape blkio() {
        Shape limits = list("a list of {path, rate} mappings", Attributes.of("blkio limit").with(SCALAR, "path", "rate").build());
        return Attributes.of("blkio_config")
                .with(limits, "device_read_bps", "device_read_iops", "device_write_bps", "device_write_iops")
                .with(SCALAR, "weight")
                .with(list("a list of {path, weight} mappings", Attributes.of("blkio weight").with(SCALAR, "path", "weight").build()),
                        "weight_device")
                .build();
    }

    private static Shape deploy() {
        Shape update = Attributes.of("update_config")
                .with(SCALAR, "parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order")
                .build();
        Shape rollback = Attributes.of("rollback_config")
                .with(SCALAR, "parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order")
                .build();
        Shape limits = Attributes.of("resource limits").with(SCALAR, "cpus", "memory", "pids").build();
        Shape genericResources = list("a list of generic resources", Attributes.of("generic resource")
                .with(Attributes.of("discrete_resource_spec").with(SCALAR, "kind", "value").build(), "discrete_resource_spec")
                .build());
        Shape reservations = Attributes.of("resource reservations")
                .with(SCALAR, "cpus", "memory")
                .with(genericResources, "generic_resources")
                .with(list("a list of device requests", DEVICE_REQUEST), "devices")
                .build();
        Shape resources = Attributes.of("resources").with(limits, "limits").with(reservations, "reservations").build();
        Shape restartPolicy = Attributes.of("restart_policy").with(SCALAR, "condition", "delay", "max_attempts", "window").build();
        Shape placement = Attributes.of("placement")
                .with(LIST_OF_STRINGS, "constraints")
                .with(list("a list of {spread} mappings", Attributes.of("placement preference").with(SCALAR, "spread").build()),
                        "preferences")
                .with(SCALAR, "max_replicas_per_node")
                .build();
        return Attributes.of("deploy")
                .with(SCALAR, "mode", "endpoint_mode", "replicas")
                .with(LIST_OR_DICT, "labels")
                .with(rollback, "rollback_config")
                .with(update, "update_config")
                .with(resources, "resources")
                .with(restartPolicy, "restart_policy")
                .with(placement, "placement")
                .build();
    }

    private static Shape named(String section, Shape entry) {
        return new Dictionary("a mapping of " + section + " by name", entry);
    }

    private static Shape list(String expected, Shape items) {
        return new Sequence(expected, items);
    }

    private static Shape oneOf(String expected, Shape... alternatives) {
        return new OneOf(expected, List.of(alternatives));
    }
}
