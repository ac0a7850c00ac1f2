package com.positionlab.api;

/**
 * An endpoint at an exact path, or at a path template with one parameter ({@code /a/{id}/b}), answering one
 * HTTP method. {@code inline} endpoints (health, metrics) are
 * cheap and answered on the server's I/O threads, so they never queue behind sizing work; the others run
 * on the bounded compute pool.
 */
record Route(String method, String path, Endpoint endpoint, boolean inline) {

    static Route get(String path, Endpoint endpoint) {
        return new Route("GET", path, endpoint, false);
    }

    static Route post(String path, Endpoint endpoint) {
        return new Route("POST", path, endpoint, false);
    }

    /** The longest path parameter accepted; it holds letters, digits, '.', '_' and '-' only. */
    static final int MAX_PARAMETER = 64;

    boolean template() {
        return path.indexOf('{') >= 0;
    }

    /** The template's parameter in {@code requested}, or null when the path does not fit the template. */
    String parameter(String requested) {
        int open = path.indexOf('{');
        int close = path.indexOf('}');
        if (open < 0 || close < open) {
            return null;
        }
        String prefix = path.substring(0, open);
        String suffix = path.substring(close + 1);
        if (!requested.startsWith(prefix) || !requested.endsWith(suffix)
                || requested.length() <= prefix.length() + suffix.length()) {
            return null;
        }
        String value = requested.substring(prefix.length(), requested.length() - suffix.length());
        if (value.length() > MAX_PARAMETER || !value.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                || c == '.' || c == '_' || c == '-')) {
            return null;
        }
        return value;
    }

    /** A cheap GET (no body, no heavy work) answered without the compute pool. */
    static Route probe(String path, Endpoint endpoint) {
        return new Route("GET", path, endpoint, true);
    }
}
