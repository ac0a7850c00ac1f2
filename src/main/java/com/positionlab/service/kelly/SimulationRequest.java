package com.positionlab.service.kelly;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A growth simulation request (snake_case in JSON). Either {@code win_probability} and
 * {@code win_loss_ratio} (win b per unit staked, else lose the stake) or {@code outcomes} (a trade list, one
 * outcome per unit staked each, bootstrapped). {@code fractions} are shares of current capital staked on
 * each bet. Missing optional fields take the defaults of {@link SimulationService}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationRequest(Double winProbability, Double winLossRatio, double[] outcomes, double[] fractions,
                                Integer bets, Integer paths, Double initialCapital, Double ruinLevel,
                                Double targetMultiple, Long seed, Boolean stopRuinedPaths,
                                Double ruinProbabilityLimit) {
}
