package com.positionlab.api;

/**
 * An endpoint at an exact path, answering one HTTP method. {@code inline} endpoints (health, metrics) are
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

    /** A cheap GET (no body, no heavy work) answered without the compute pool. */
    static Route probe(String path, Endpoint endpoint) {
        return new Route("GET", path, endpoint, true);
    }
}
