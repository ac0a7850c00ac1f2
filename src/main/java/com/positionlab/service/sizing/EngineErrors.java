package com.positionlab.service.sizing;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.service.ValidationException;

/** The engine's parameter errors in the contract's terms: bare engine field names become request paths. */
final class EngineErrors {

    private EngineErrors() {
    }

    static ValidationException toValidation(InvalidParameterException e) {
        return new ValidationException(fieldPath(e.field()), reason(e));
    }

    /** Engine field names are bare ({@code stop_price}); the contract's are paths. */
    private static String fieldPath(String field) {
        return switch (field) {
            case "stop_price", "entry_price", "direction", "expected_return" -> "trading_decision." + field;
            case "equity" -> "portfolio_state.equity";
            case "trade_returns" -> "sizing_parameters.trade_returns";
            case "returns" -> "portfolio_state.return_history";
            case "kelly_multiplier", "max_kelly_fraction" -> "sizing_parameters." + field;
            default -> field;
        };
    }

    private static String reason(InvalidParameterException e) {
        String m = e.getMessage();
        return m.startsWith(e.field() + ": ") ? m.substring(e.field().length() + 2) : m;
    }
}
