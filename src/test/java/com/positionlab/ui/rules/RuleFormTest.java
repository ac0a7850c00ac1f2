package com.positionlab.ui.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.riskmodel.RiskModel;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.sizing.PositionSizingRequest.RiskLimitMeasure;
import com.positionlab.service.sizing.SizingRanges;

/** The rule form reads through the one form reader with the sizing service's own ranges. */
class RuleFormTest {

    private static final RuleForm.Choices FIXED = new RuleForm.Choices(SizingMethod.FIXED_PERCENTAGE,
            RiskModel.HISTORICAL_VAR, RiskLimitMeasure.VOLATILITY, true, false);

    private static RuleForm.Parsed parse(String... pathAndText) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(RuleForm.RULE_NAME, "Test");
        for (int i = 0; i < pathAndText.length; i += 2) {
            texts.put(pathAndText[i], pathAndText[i + 1]);
        }
        return RuleForm.parse(texts, FIXED, null);
    }

    @Test
    void percentIsTypedAndStoredAsAnExactFraction() {
        RuleForm.Parsed p = parse(RuleForm.P + "fixed_percentage", "0.07", RuleForm.P + "max_position_size", "12.5 %");
        assertThat(p.errors()).isEmpty();
        assertThat(p.rule().parameters().fixedPercentage()).isEqualTo(0.0007);
        assertThat(p.rule().parameters().maxPositionSize()).isEqualTo(0.125);
    }

    @Test
    void theFormAcceptsExactlyWhatTheServiceAccepts() {
        double top = SizingRanges.MAX_POSITION.hi() * 100;
        assertThat(parse(RuleForm.P + "max_position_size", Double.toString(top)).errors()).isEmpty();
        assertThat(parse(RuleForm.P + "max_position_size", Double.toString(top + 0.01)).errors())
                .containsExactly(Map.entry(RuleForm.P + "max_position_size",
                        "must be above 0 and at most 1000, got 1000.01"));
        assertThat(parse(RuleForm.C + "leverage_limit", "100x").rule().constraints().leverageLimit()).isEqualTo(100);
        assertThat(parse(RuleForm.C + "leverage_limit", "100.5").errors()).containsOnlyKeys(RuleForm.C + "leverage_limit");
        assertThat(parse(RuleForm.C + "correlation_limit", "-1").errors()).isEmpty();
        assertThat(parse(RuleForm.P + "lookback_period", "19").errors())
                .containsEntry(RuleForm.P + "lookback_period", "must be from 20 to 5000, got 19");
    }

    @Test
    void aFieldThatDoesNotApplyToTheMethodIsNotRead() {
        RuleForm.Parsed p = parse(RuleForm.P + "kelly_multiplier", "lots");
        assertThat(p.errors()).isEmpty();
        assertThat(p.rule().parameters().kellyMultiplier()).isNull();
    }
}
