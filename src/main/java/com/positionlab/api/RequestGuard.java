package com.positionlab.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses what a web page in the trader's browser could send: a {@code Host} other than the address the
 * server listens on (DNS rebinding), an {@code Origin} other than the server's own loopback origin
 * (cross-site requests; the {@code null} origin too), and a POST body not declared
 * {@code application/json} (a form post needs no preflight, a JSON one does).
 *
 * <p>Accepted hosts, with the bound port: {@code 127.0.0.1}, {@code localhost}, {@code [::1]} and the
 * bound address itself; on a wildcard bind ({@code 0.0.0.0}, {@code ::}) any IP literal, since DNS
 * rebinding needs a host name. Accepted origins are {@code http://} plus an accepted host, names excluded
 * on a wildcard bind.
 */
final class RequestGuard {

    private static final Pattern IP_LITERAL = Pattern.compile(
            "(\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-f:.%]+\\]):\\d{1,5}");

    private final Set<String> hosts = new HashSet<>();
    private final Set<String> origins = new HashSet<>();
    private final boolean wildcard;
    private final String portSuffix;

    RequestGuard(InetAddress bound, int port) {
        this.wildcard = bound.isAnyLocalAddress();
        this.portSuffix = ":" + port;
        for (String host : new String[] {"127.0.0.1", "localhost", "[::1]", literal(bound)}) {
            hosts.add(host + portSuffix);
            origins.add("http://" + host + portSuffix);
        }
    }

    /** @throws ApiError 403 {@code forbidden_host} or {@code forbidden_origin} */
    void checkHostAndOrigin(String host, String origin) {
        if (host == null || !acceptsHost(host.strip().toLowerCase(Locale.ROOT))) {
            throw ApiError.forbiddenHost(host);
        }
        if (origin != null && !acceptsOrigin(origin.strip().toLowerCase(Locale.ROOT))) {
            throw ApiError.forbiddenOrigin(origin);
        }
    }

    /** @throws ApiError 415 {@code unsupported_media_type} unless the media type is application/json */
    static void checkJson(String contentType) {
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip();
        if (!media.equalsIgnoreCase("application/json")) {
            throw ApiError.unsupportedMediaType(contentType);
        }
    }

    private boolean acceptsHost(String host) {
        return hosts.contains(host) || (wildcard && host.endsWith(portSuffix) && IP_LITERAL.matcher(host).matches());
    }

    private boolean acceptsOrigin(String origin) {
        if (origins.contains(origin)) {
            return true;
        }
        return wildcard && origin.startsWith("http://") && acceptsHost(origin.substring("http://".length()))
                && IP_LITERAL.matcher(origin.substring("http://".length())).matches();
    }

    private static String literal(InetAddress address) {
        String text = address.getHostAddress().toLowerCase(Locale.ROOT);
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return address instanceof Inet6Address ? "[" + compressed(text) + "]" : text;
    }

    /** An IPv6 address as a browser writes it (RFC 5952): the longest run of two or more 0 groups is "::". */
    static String compressed(String ipv6) {
        String[] groups = ipv6.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
        }
        if (bestStart < 0) {
            return ipv6;
        }
        String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
