package io.github.dockerstack.load.canonical;

import io.github.dockerstack.load.yaml.Location;
import io.github.dockerstack.load.yaml.Tagged;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ports rule and the short port syntax {@code [IP:][HOST[-HOST]:]CONTAINER[-CONTAINER][/PROTO]}, parsed as docker's
 * go-connections (nat.ParsePortSpec) does for compose: a container range gives one entry per port
 * (paired with the host range), a single container port with a host range keeps the range as
 * {@code published}, an IPv6 host IP is written in brackets.
 */
final class PortSyntax {
    static final String EXPECTED = "expected [HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL], "
            + "e.g. \"8080:80\", \"127.0.0.1:8080:80/udp\" or \"[::1]:8080:80\"";

    private PortSyntax() {
    }

    /**
     * The long form entries of one short port.
     *
     * @throws IllegalArgumentException saying what is wrong (without the expected form)
     */
    static List<Map<String, Object>> parse(String spec) {
        String[] parts = spec.split(":", -1);
        int n = parts.length;
        String container = parts[n - 1];
        String host = n >= 2 ? parts[n - 2] : "";
        String ip = n >= 3 ? String.join(":", Arrays.copyOf(parts, n - 2)) : "";

        String proto = "tcp";
        int slash = container.indexOf('/');
        if (slash >= 0) {
            String p = container.substring(slash + 1);
            int extra = p.indexOf('/');
            p = extra >= 0 ? p.substring(0, extra) : p;
            container = container.substring(0, slash);
            if (!p.isEmpty()) {
                proto = p;
            }
        }
        if (ip.startsWith("[")) {
            if (!ip.endsWith("]")) {
                throw new IllegalArgumentException("the host IP " + ip + " lacks its closing ']'");
            }
            ip = ip.substring(1, ip.length() - 1);
        }
        if (!ip.isEmpty() && !IpAddress.isValid(ip)) {
            throw new IllegalArgumentException("'" + ip + "' is not an IP address");
        }
        if (container.isEmpty()) {
            throw new IllegalArgumentException("no container port");
        }
        int[] target = range(container, "container port");
        int[] published = host.isEmpty() ? null : range(host, "host port");
        boolean containerRange = target[1] != target[0];
        if (published != null && containerRange && published[1] - published[0] != target[1] - target[0]) {
            throw new IllegalArgumentException("the host range " + host + " and the container range " + container
                    + " differ in size");
        }
        proto = proto.toLowerCase();
        if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
            throw new IllegalArgumentException("unknown protocol '" + proto + "' (use tcp, udp or sctp)");
        }
        // compose orders the entries of a range by "port/proto" text, as its map keys sort
        TreeMap<String, Map<String, Object>> sorted = new TreeMap<>();
        for (int i = 0; i <= target[1] - target[0]; i++) {
            int port = target[0] + i;
            String hostPort = null;
            if (published != null) {
                hostPort = !containerRange && published[1] != published[0]
                        ? published[0] + "-" + published[1]
                        : Integer.toString(published[0] + i);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("target", (long) port);
            if (hostPort != null) {
                entry.put("published", hostPort);
            }
            if (!ip.isEmpty()) {
                entry.put("host_ip", ip);
            }
            entry.put("protocol", proto);
            entry.put("mode", "ingress");
            sorted.put(port + "/" + proto, entry);
        }
        return new ArrayList<>(sorted.values());
    }

    /** {@code N} or {@code N-M}, each 0..65535, M >= N. */
    private static int[] range(String text, String what) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            int p = port(text, what);
            return new int[] {p, p};
        }
        String[] bounds = text.split("-", -1);
        int start = port(bounds[0], what);
        int end = port(bounds[1], what);
        if (end < start) {
            throw new IllegalArgumentException("the " + what + " range " + text + " ends before it starts");
        }
        return new int[] {start, end};
    }

    private static int port(String text, String what) {
        String digits = text.replaceFirst("^0+(?=.)", "");
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(digits) > 65535) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + what);
        }
        return Integer.parseInt(digits);
    }

    /**
     * ports: each short entry becomes one or more long entries; long entries get {@code target} as a
     * number, {@code published} as a string and the protocol/mode defaults (a later file's entry
     * with the same key replaces an entry whole, so defaulting here is safe).
     */
    static Object rule(Object value, At at) {
        if (!(value instanceof List<?> list)) {
            throw at.error("expected a list of ports, not " + Values.describe(value));
        }
        List<Object> out = new ArrayList<>();
        List<At> origins = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            Tagged.Tag tag = null;
            if (item instanceof Tagged t) {
                tag = t.tag();
                item = t.value();
            }
            At itemAt = at.index(i);
            for (Object entry : portEntries(item, itemAt)) {
                out.add(tag == null ? entry : new Tagged(tag, entry));
                origins.add(itemAt);
            }
        }
        // record where each expanded entry came from; read all locations before writing any
        List<Location> locations = origins.stream().map(At::location).toList();
        for (int i = 0; i < locations.size(); i++) {
            if (!origins.get(i).path().equals(at.index(i).path())) {
                at.index(i).record(locations.get(i));
            }
        }
        return out;
    }

    private static List<Object> portEntries(Object item, At at) {
        if (item instanceof Map<?, ?> map) {
            Map<String, Object> port = ServiceRules.copy(map);
            Object target = port.get("target");
            if (target instanceof String s && s.matches("\\d{1,10}")) {
                port.put("target", Long.parseLong(s));
            }
            Object published = port.get("published");
            if (published != null && Values.isScalar(published)) {
                port.put("published", Values.text(published));
            }
            port.putIfAbsent("protocol", "tcp");
            port.putIfAbsent("mode", "ingress");
            return List.of(port);
        }
        if (!(item instanceof String) && !(item instanceof Long)) {
            throw at.error("expected a port (\"8080:80\") or a mapping (target:, published:, ...), not " + Values.describe(item));
        }
        String spec = item.toString();
        try {
            return new ArrayList<>(parse(spec));
        } catch (IllegalArgumentException e) {
            throw at.error("invalid port '" + spec + "': " + e.getMessage() + "; " + EXPECTED);
        }
    }
}
