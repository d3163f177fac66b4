package io.github.dockerstack.load.canonical;

/** IP literal checks without name resolution (java.net.InetAddress would look names up). */
final class IpAddress {
    private IpAddress() {
    }

    static boolean isValid(String text) {
        return isV4(text) || isV6(text);
    }

    /** Dotted quad; like Go's net.ParseIP, leading zeros are refused (they read as octal elsewhere). */
    static boolean isV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return false;
            }
            for (char c : part.toCharArray()) {
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Eight hex groups, "::" once for a run of zeros, an optional dotted quad in the last 32 bits. */
    static boolean isV6(String text) {
        if (!text.contains(":")) {
            return false;
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        int headGroups = groups(head, gap < 0);
        int tailGroups = gap >= 0 ? groups(tail, true) : 0;
        if (headGroups < 0 || tailGroups < 0) {
            return false;
        }
        int total = headGroups + tailGroups;
        return gap >= 0 ? total <= 7 : total == 8;
    }

    /** Counts 16-bit groups in a ':'-separated run, -1 if invalid; a dotted quad last counts two. */
    private static int groups(String run, boolean mayEndWithV4) {
        if (run.isEmpty()) {
            return 0;
        }
        String[] parts = run.split(":", -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == parts.length - 1 && mayEndWithV4 && part.contains(".")) {
                if (!isV4(part)) {
                    return -1;
                }
                count += 2;
            } else if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(IpAddress::isHex)) {
                return -1;
            } else {
                count++;
            }
        }
        return count;
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
