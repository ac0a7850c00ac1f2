package com.positionlab.api;

/** One operation of the API. Throws {@link com.positionlab.service.ValidationException} for bad input. */
@FunctionalInterface
interface Endpoint {

    Reply handle(ApiRequest request) throws Exception;
}
