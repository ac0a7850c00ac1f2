package com.positionlab.service.sizing;

import com.positionlab.service.sizing.PositionSizingRequest.RiskConstraints;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;

/**
 * A stored sizing rule (position_sizing_rules): a named set of sizing parameters and risk constraints.
 * A request naming {@code rule_id} takes from the rule every parameter and constraint it leaves out.
 * Active rules are offered in the ticket by ascending priority.
 */
public record SizingRule(String ruleId, String ruleName, String description, boolean active, int priority,
                         SizingParameters parameters, RiskConstraints constraints) {
}
