package com.positionlab.ui.backtest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.positionlab.service.ValidationException;
import com.positionlab.ui.common.ErrorMessages;

/**
 * A refused backtest's problems by the field of the view they belong beside: the service names fields by their
 * JSON path ({@code "lookback: must be ..."}, {@code "strategies[2].risk_free_rate: ..."}), and the view shows
 * each beside the field, or the group of fields, that sets it.
 */
final class ErrorFields {

    private ErrorFields() {
    }

    /**
     * The problems of {@code e} by view field; those of no field of the form go under {@code fallback} (none when
     * it is null).
     */
    static Map<String, String> of(Throwable e, String fallback) {
        Map<String, String> out = new LinkedHashMap<>();
        List<ValidationException.FieldError> errors;
        if (e instanceof ValidationException v) {
            errors = v.errors();
        } else {
            String message = ErrorMessages.describe(e);
            int colon = message.indexOf(": ");
            errors = colon > 0 && !message.substring(0, colon).contains(" ")
                    ? List.of(new ValidationException.FieldError(message.substring(0, colon),
                    message.substring(colon + 2))) : List.of();
        }
        for (ValidationException.FieldError f : errors) {
            String field = field(f.field());
            String key = field != null ? field : fallback;
            if (key != null) {
                out.putIfAbsent(key, field != null && field.equals(f.field()) ? f.reason() : f.toString());
            }
        }
        return out;
    }

    /** The view's field for a contract field path, or null when the form has none. */
    static String field(String path) {
        if (BacktestForm.NAMES.contains(path)) {
            return path;
        }
        String head = path.split("[.\\[]", 2)[0];
        return switch (head) {
            case "strategies" -> "strategies";
            case "rebalance" -> "rebalance";
            case "universe", "prices", "sectors", "lot_sizes" -> "universe";
            case "sweep", "rank_by", "threads" -> "sweep";
            case "strategy_id", "trades", "sizing" -> "sizing_strategy";
            default -> null;
        };
    }
}
