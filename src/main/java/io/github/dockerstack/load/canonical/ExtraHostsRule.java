package io.github.dockerstack.load.canonical;

import io.github.dockerstack.load.yaml.Tagged;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The extra_hosts rule (services and build). */
final class ExtraHostsRule {
    private ExtraHostsRule() {
    }

    /**
     * extra_hosts: a list of {@code "host=ip"}, from {@code host:ip}, {@code host=ip} (several IPs
     * separated by commas) or a mapping {@code host: ip} / {@code host: [ip, ...]}; IPv6 brackets go.
     */
    static Object rule(Object value, At at) {
        List<Object> out = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String host = String.valueOf(e.getKey());
                At hostAt = at.key(host);
                Object ips = e.getValue();
                if (ips instanceof Tagged t) {
                    if (t.tag() == Tagged.Tag.RESET) {
                        continue;
                    }
                    ips = t.value();
                }
                List<?> list = ips instanceof List<?> l ? l : Collections.singletonList(ips);
                for (Object ip : list) {
                    String text = ip == null ? "" : Values.text(ip);
                    if (text == null) {
                        throw hostAt.error("expected an IP address or a list of them, not " + Values.describe(ip));
                    }
                    out.add(host(host, text, hostAt));
                }
            }
            return out;
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        ListItems.forEach(items, at, (item, itemAt) -> {
            String text = Values.text(item);
            if (text == null) {
                throw itemAt.error("expected \"HOST=IP\", not " + Values.describe(item));
            }
            int sep = text.indexOf('=');
            if (sep < 0) {
                sep = text.indexOf(':');
            }
            if (sep < 0) {
                throw itemAt.error("'" + text + "' has no IP address; write HOST=IP (or HOST:IP)");
            }
            for (String ip : text.substring(sep + 1).split(",", -1)) {
                out.add(host(text.substring(0, sep), ip, itemAt));
            }
        });
        return out;
    }

    private static String host(String host, String ip, At at) {
        if (host.isEmpty() || host.contains(":") || host.contains("=")) {
            throw at.error("bad host name '" + host + "'; write HOST=IP with a host name free of ':' and '='");
        }
        String address = ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        return host + "=" + address;
    }

}
