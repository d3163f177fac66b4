package io.github.dockerstack.load.canonical;

import io.github.dockerstack.load.ComposeException;
import io.github.dockerstack.load.yaml.SourceMap;
import io.github.dockerstack.load.yaml.Tagged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per file: short syntax to the long syntax of the compose specification, the tree docs/design.md
 * ("The canonical tree") describes and the merge stage expects. Scalars keep their types (the bind
 * stage casts), {@link Tagged} values keep their tag around their canonical value.
 *
 * <p>The rules are a table from path patterns to small functions: adding one is one line here and
 * one test. A rule sees its node before its children, and the walk then descends into what the
 * rule returned, so nested rules (build, then build.args) compose.
 */
public final class Canonicalizer {
    private static final Map<PathPattern, Rule> RULES = new LinkedHashMap<>();

    static {
        rule("", ResourceRules::root);
        rule("include[]", ResourceRules::include);
        for (String section : List.of("networks", "volumes", "secrets", "configs")) {
            rule(section + ".*", ResourceRules::external);
            rule(section + ".*.labels", KeyValueRule.labels());
        }

        rule("services.*.build", ServiceRules::build);
        rule("services.*.build.args", KeyValueRule.variables());
        rule("services.*.build.labels", KeyValueRule.labels());
        rule("services.*.build.additional_contexts", KeyValueRule.labels());
        rule("services.*.build.extra_hosts", ExtraHostsRule::rule);
        rule("services.*.build.cache_from", ServiceRules::stringOrList);
        rule("services.*.build.tags", ServiceRules::stringOrList);
        rule("services.*.build.platforms", ServiceRules::stringOrList);

        rule("services.*.command", ServiceRules::shellCommand);
        rule("services.*.entrypoint", ServiceRules::shellCommand);
        rule("services.*.environment", KeyValueRule.variables());
        rule("services.*.labels", KeyValueRule.labels());
        rule("services.*.annotations", KeyValueRule.labels());
        rule("services.*.sysctls", KeyValueRule.labels());
        rule("services.*.deploy.labels", KeyValueRule.labels());
        rule("services.*.env_file", ServiceRules::envFile);
        rule("services.*.ports", PortSyntax::rule);
        rule("services.*.expose", ServiceRules::expose);
        rule("services.*.volumes[]", VolumeSyntax::rule);
        for (String attribute : List.of("tmpfs", "dns", "dns_search", "dns_opt", "cap_add", "cap_drop", "security_opt",
                "profiles", "links", "external_links", "volumes_from", "group_add", "label_file")) {
            rule("services.*." + attribute, ServiceRules::stringOrList);
        }
        rule("services.*.extra_hosts", ExtraHostsRule::rule);
        rule("services.*.devices[]", ServiceRules::device);
        rule("services.*.networks", ServiceRules::networks);
        rule("services.*.depends_on", ServiceRules::dependsOn);
        rule("services.*.healthcheck.test", ServiceRules::healthcheckTest);
        rule("services.*.extends", ServiceRules::extendsService);
        rule("services.*.secrets[]", ServiceRules::fileMount);
        rule("services.*.configs[]", ServiceRules::fileMount);
        rule("services.*.ulimits.*", ServiceRules::ulimit);
        for (String hook : List.of("post_start", "pre_stop")) {
            rule("services.*." + hook + "[].command", ServiceRules::shellCommand);
            rule("services.*." + hook + "[].environment", KeyValueRule.variables());
        }
    }

    private Canonicalizer() {
    }

    private static void rule(String pattern, Rule rule) {
        RULES.put(PathPattern.of(pattern), rule);
    }

    /**
     * A new tree in the canonical long syntax; {@code root} is not modified. Nodes this stage
     * creates or moves (list entries that became mapping keys, expanded port ranges) are recorded in
     * {@code sources} at their new paths, located where their short form was.
     *
     * @throws ComposeException at the offending entry's path and line for invalid short syntax
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> canonical(Map<String, Object> root, SourceMap sources) {
        SourceMap map = sources == null ? new SourceMap(null) : sources;
        return (Map<String, Object>) walk(root, List.of(), new At("", map));
    }

    private static Object walk(Object value, List<String> path, At at) {
        if (value instanceof Tagged tagged) {
            return new Tagged(tagged.tag(), walk(tagged.value(), path, at));
        }
        Object v = value;
        Rule rule = v == null ? null : ruleFor(path);
        if (rule != null) {
            v = rule.apply(v, at);
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                out.put(key, walk(e.getValue(), PathPattern.append(path, key), at.key(key)));
            }
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            List<String> itemPath = PathPattern.append(path, PathPattern.ITEM);
            for (int i = 0; i < list.size(); i++) {
                out.add(walk(list.get(i), itemPath, at.index(i)));
            }
            return out;
        }
        return v;
    }

    private static Rule ruleFor(List<String> path) {
        for (Map.Entry<PathPattern, Rule> e : RULES.entrySet()) {
            if (e.getKey().matches(path)) {
                return e.getValue();
            }
        }
        return null;
    }
}
