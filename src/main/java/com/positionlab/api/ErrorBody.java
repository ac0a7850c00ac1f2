package com.positionlab.api;

import java.util.List;

import com.positionlab.service.ValidationException.FieldError;

/**
 * The body of every error answer: {@code {"error": code, "message": text, "errors": [{"field", "reason"}]}}.
 * {@code errors} lists each field of a 400 (dotted JSON paths such as {@code trading_decision.entry_price});
 * it is empty for the other statuses.
 */
record ErrorBody(String error, String message, List<FieldError> errors) {

    ErrorBody {
        errors = List.copyOf(errors);
    }
}
