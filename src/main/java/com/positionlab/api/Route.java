package com.positionlab.api;

/** An endpoint at an exact path, answering one HTTP method. */
record Route(String method, String path, Endpoint endpoint) {

    static Route get(String path, Endpoint endpoint) {
        return new Route("GET", path, endpoint);
    }

    static Route post(String path, Endpoint endpoint) {
        return new Route("POST", path, endpoint);
    }
}
