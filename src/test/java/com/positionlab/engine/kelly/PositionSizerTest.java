package com.positionlab.engine.kelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import com.positionlab.engine.limits.Binding;

import org.junit.jupiter.api.Test;

/**
 * {@link PositionSizer}: fraction = clip(min(f*, 0.5) x 0.25 x performance x conviction) to the tier's
 * bounds, with HIGH conviction demoted to MEDIUM for HUNTER, the fallback fraction when Kelly is not usable,
 * the exchange minimum, and every binding limit reported by name.
 */
class PositionSizerTest {

    private static final double EXACT = 1e-12;
    private static final double BALANCE = 100_000;
    private static final double PRICE = 50;

    private static SizingResult size(SizingBasis basis, List<Adjustment> adjustments, Conviction conviction,
            Tier tier, double balance, double minimum) {
        return PositionSizer.size(new SizingRequest(basis, KellyPolicy.defaults(), adjustments, conviction,
                ConvictionMultipliers.DEFAULTS, tier, balance, PRICE, minimum));
    }

    private static SizingResult size(double kelly, Conviction conviction, Tier tier) {
        return size(SizingBasis.kelly(kelly, "test"), List.of(), conviction, tier, BALANCE, 0);
    }

    @Test
    void kellyTimesMultipliersGivesFractionNotionalAndUnits() {
        Adjustment drawdown = new Adjustment("drawdown", 0.6, "equity is 12.0% below its peak; limit 20.0%");
        SizingResult r = size(SizingBasis.kelly(0.4, "Kelly from 30 trades"), List.of(drawdown), Conviction.MEDIUM,
                Tier.STRATEGIST, BALANCE, 0);
        // 0.4 x 0.25 x 0.6 x 1.0
        assertThat(r.fraction()).isCloseTo(0.06, within(EXACT));
        assertThat(r.notional()).isCloseTo(6_000, within(1e-9));
        assertThat(r.units()).isCloseTo(120, within(1e-9));
        assertThat(r.adjustments()).extracting(Adjustment::name).containsExactly("drawdown", "conviction");
        assertThat(r.bindingLimits()).isEmpty();
        assertThat(r.basis()).isEqualTo("Kelly 0.4000: Kelly from 30 trades");
    }

    @Test
    void hunterTreatsHighConvictionAsMedium() {
        SizingResult r = size(0.3, Conviction.HIGH, Tier.HUNTER);
        assertThat(r.appliedConviction()).isEqualTo(Conviction.MEDIUM);
        assertThat(r.fraction()).isCloseTo(0.075, within(EXACT));
        Adjustment conviction = r.adjustments().get(r.adjustments().size() - 1);
        assertThat(conviction).isEqualTo(new Adjustment("conviction", 1.0,
                "HIGH conviction is not allowed for tier HUNTER; treated as MEDIUM"));
    }

    @Test
    void strategistAllowsHighConviction() {
        assertThat(size(0.3, Conviction.HIGH, Tier.STRATEGIST).fraction()).isCloseTo(0.1125, within(EXACT));
        assertThat(size(0.3, Conviction.LOW, Tier.STRATEGIST).fraction()).isCloseTo(0.0375, within(EXACT));
        assertThat(size(0.3, Conviction.HIGH, Tier.STRATEGIST).appliedConviction()).isEqualTo(Conviction.HIGH);
    }

    @Test
    void rawKellyCapAndTierMaximumAreReported() {
        SizingResult r = size(0.8, Conviction.MEDIUM, Tier.HUNTER);
        // min(0.8, 0.5) x 0.25 = 0.125, above HUNTER's 10%
        assertThat(r.fraction()).isCloseTo(0.10, within(EXACT));
        assertThat(r.bindingLimits()).extracting(Binding::name)
                .containsExactly("max_kelly_fraction", "max_position_size");
        assertThat(r.bindingLimits().get(0).before()).isEqualTo(0.8);
        assertThat(r.bindingLimits().get(0).after()).isEqualTo(0.5);
        assertThat(r.bindingLimits().get(1).before()).isCloseTo(0.125, within(EXACT));
        assertThat(r.bindingLimits().get(1).reason()).isEqualTo("tier HUNTER allows at most 10.0% of balance");
    }

    @Test
    void tierMinimumLiftsASmallPositiveSize() {
        SizingResult r = size(0.02, Conviction.MEDIUM, Tier.HUNTER);
        assertThat(r.fraction()).isCloseTo(0.01, within(EXACT));
        assertThat(r.bindingLimits()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("min_position_size");
            assertThat(l.before()).isCloseTo(0.005, within(EXACT));
        });
    }

    @Test
    void belowTheExchangeMinimumSizesToZero() {
        SizingResult r = size(SizingBasis.kelly(0.02, "test"), List.of(), Conviction.MEDIUM, Tier.HUNTER, 1_000, 25);
        assertThat(r.fraction()).isZero();
        assertThat(r.notional()).isZero();
        assertThat(r.units()).isZero();
        Binding last = r.bindingLimits().get(r.bindingLimits().size() - 1);
        assertThat(last.name()).isEqualTo("exchange_minimum");
        assertThat(last.reason()).isEqualTo("notional 10.00 is below the exchange minimum of 25.00");
        assertThat(size(SizingBasis.kelly(0.02, "test"), List.of(), Conviction.MEDIUM, Tier.HUNTER, 1_000, 10)
                .fraction()).as("exactly at the minimum is allowed").isCloseTo(0.01, within(EXACT));
    }

    @Test
    void negativeEdgeSizesToZero() {
        SizingResult r = size(-0.2, Conviction.HIGH, Tier.STRATEGIST);
        assertThat(r.fraction()).isZero();
        assertThat(r.bindingLimits()).extracting(Binding::name).containsExactly("non_negative_edge");
    }

    @Test
    void fallbackFractionTakesThePlaceOfKelly() {
        SizingBasis basis = SizingBasis.fallback(0.02, "only 12 trades; at least 20 needed");
        SizingResult r = size(basis, List.of(new Adjustment("drawdown", 0.5, "test")), Conviction.MEDIUM,
                Tier.STRATEGIST, BALANCE, 0);
        assertThat(r.fraction()).isCloseTo(0.01, within(EXACT));
        assertThat(r.basis()).isEqualTo("fixed 2.0% of balance: only 12 trades; at least 20 needed");
    }

    @Test
    void sizeIsKellyPolicyWithTheTierBoundsAndStaysWithinThem() {
        for (Tier tier : List.of(Tier.HUNTER, Tier.STRATEGIST)) {
            KellyPolicy policy = new KellyPolicy(0.5, 0.25, tier.minPosition(), tier.maxPosition());
            for (double raw = -0.5; raw <= 1.0; raw += 0.01) {
                for (double perf : new double[] {0.25, 0.7, 1.0}) {
                    SizingResult r = size(SizingBasis.kelly(raw, "grid"),
                            List.of(new Adjustment("drawdown", perf, "grid")), Conviction.LOW, tier, BALANCE, 0);
                    assertThat(r.fraction()).isEqualTo(policy.adjust(raw, perf, 0.5));
                    assertThat(r.fraction() == 0 || r.fraction() >= tier.minPosition()).isTrue();
                    assertThat(r.fraction()).isLessThanOrEqualTo(tier.maxPosition());
                }
            }
        }
    }
}
