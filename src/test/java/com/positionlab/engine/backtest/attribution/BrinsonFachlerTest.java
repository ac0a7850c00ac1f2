package com.positionlab.engine.backtest.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.positionlab.engine.InvalidParameterException;

/**
 * {@link BrinsonFachler}, {@link SectorInputs} and {@link CarinoLinking} against Carl Bacon's published examples
 * and hand-computed cases, and their identities on seeded random inputs.
 *
 * <p>Bacon's numbers are those of <i>Practical Portfolio Performance Measurement and Attribution</i> (2nd ed.,
 * Wiley 2008): table 5.3 (Brinson-Fachler, one quarter) and tables 8.1 and 8.2 (four quarters linked by Carino's
 * method), as transcribed in the unit tests of the R package PortfolioAttribution
 * (github.com/anandkkumar/PortfolioAttribution, {@code tests/testthat/test_BHB_BF.R} and {@code test_linking.R}).
 * Table 8.2 reports selection with interaction folded in (Bacon's top-down variant), which is our
 * selection + interaction; its figures are printed to 0.01%.
 */
class BrinsonFachlerTest {

    /** Table 5.3 has exact decimal inputs and results: agreement up to floating-point rounding. */
    private static final double EXACT = 1e-12;
    /** Table 8.2 prints percentages with two decimals, and its totals add rounded rows. */
    private static final double PRINTED_TO_A_BASIS_POINT = 1e-4;
    /** The identities (effects add up to the active return) hold to rounding. */
    private static final double IDENTITY = 1e-12;

    private static final String[] BACON_SECTORS = {"UK equities", "Japanese equities", "US equities"};
    // Bacon table 8.1: four quarters of weights and returns (the first quarter is table 5.3)
    private static final double[][] BACON_WP = {{0.4, 0.3, 0.3}, {0.7, 0.2, 0.1}, {0.3, 0.5, 0.2}, {0.3, 0.5, 0.2}};
    private static final double[][] BACON_WB = {{0.4, 0.2, 0.4}, {0.4, 0.3, 0.3}, {0.5, 0.4, 0.1}, {0.4, 0.4, 0.2}};
    private static final double[][] BACON_RP = {{0.20, -0.05, 0.06}, {-0.05, 0.03, -0.05}, {-0.20, 0.08, -0.15},
            {0.10, -0.07, 0.25}};
    private static final double[][] BACON_RB = {{0.10, -0.04, 0.08}, {-0.07, 0.04, -0.10}, {-0.25, 0.05, -0.20},
            {0.05, -0.05, 0.10}};

    @Test
    void baconTable53SinglePeriod() {
        BrinsonAttribution a = BrinsonFachler.attribute(baconQuarter(0));
        assertThat(a.portfolioReturn()).isCloseTo(0.083, within(EXACT));
        assertThat(a.benchmarkReturn()).isCloseTo(0.064, within(EXACT));
        assertThat(column(a, Effect.ALLOCATION)).containsExactly(new double[] {0, -0.0104, -0.0016}, within(EXACT));
        assertThat(column(a, Effect.SELECTION)).containsExactly(new double[] {0.04, -0.002, -0.008}, within(EXACT));
        assertThat(column(a, Effect.INTERACTION)).containsExactly(new double[] {0, -0.001, 0.002}, within(EXACT));
        assertThat(a.allocation()).isCloseTo(-0.012, within(EXACT));
        assertThat(a.selection()).isCloseTo(0.03, within(EXACT));
        assertThat(a.interaction()).isCloseTo(0.001, within(EXACT));
        assertThat(a.allocation() + a.selection() + a.interaction()).isCloseTo(a.activeReturn(), within(IDENTITY));
        assertThat(a.activeReturn()).isCloseTo(0.019, within(EXACT));
    }

    @Test
    void baconTable82CarinoLinkedQuarters() {
        List<BrinsonAttribution> quarters = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            quarters.add(BrinsonFachler.attribute(baconQuarter(q)));
        }
        // table 8.1, unadjusted allocation of the second quarter
        assertThat(column(quarters.get(1), Effect.ALLOCATION))
                .containsExactly(new double[] {-0.0072, -0.0086, 0.0108}, within(EXACT));
        LinkedAttribution linked = CarinoLinking.link(quarters);

        // table 8.2, each quarter's effects times k_t / k
        double[][] allocation = {{0, -0.0094, -0.0014}, {-0.0073, -0.0087, 0.0109}, {0.0266, 0.0186, -0.008},
                {-0.0028, -0.0066, 0}};
        double[][] selection = {{0.0362, -0.0027, -0.0054}, {0.0142, -0.002, 0.0051}, {0.016, 0.016, 0.0106},
                {0.0141, -0.0094, 0.0282}};
        for (int q = 0; q < 4; q++) {
            BrinsonAttribution adjusted = linked.periods().get(q);
            assertThat(column(adjusted, Effect.ALLOCATION)).as("quarter " + (q + 1))
                    .containsExactly(allocation[q], within(PRINTED_TO_A_BASIS_POINT));
            assertThat(column(adjusted, Effect.SELECTION_WITH_INTERACTION)).as("quarter " + (q + 1))
                    .containsExactly(selection[q], within(PRINTED_TO_A_BASIS_POINT));
        }
        // table 8.2, the four-quarter totals
        assertThat(sectorTotals(linked, Effect.ALLOCATION))
                .containsExactly(new double[] {0.0165, -0.006, 0.0015}, within(PRINTED_TO_A_BASIS_POINT));
        assertThat(sectorTotals(linked, Effect.SELECTION_WITH_INTERACTION))
                .containsExactly(new double[] {0.0804, 0.0018, 0.0385}, within(PRINTED_TO_A_BASIS_POINT));
        assertThat(linked.allocation()).isCloseTo(0.012, within(PRINTED_TO_A_BASIS_POINT));
        assertThat(linked.selection() + linked.interaction()).isCloseTo(0.1207, within(PRINTED_TO_A_BASIS_POINT));
        // and they add up to the compounded active return: 1.083 x 0.966 x 0.95 x 1.045 - 1.064 x 0.954 x 0.875 x 1.02
        double rp = 1.083 * 0.966 * 0.95 * 1.045 - 1;
        double rb = 1.064 * 0.954 * 0.875 * 1.02 - 1;
        assertThat(linked.activeReturn()).isCloseTo(rp - rb, within(EXACT));
        assertThat(linked.allocation() + linked.selection() + linked.interaction())
                .isCloseTo(rp - rb, within(IDENTITY));
    }

    @Test
    void sectorsHeldByOneSideOnlyPutTheirWholeEffectInAllocation() {
        // R_b = 0.4 x 0.10 + 0.6 x 0.02 = 0.052; R_p = 0.5 x 0.12 + 0.5 x -0.04 = 0.04; active -0.012
        BrinsonAttribution a = BrinsonFachler.attribute(List.of(
                new SectorInput("Tech", 0.5, 0.4, 0.12, 0.10),
                SectorInput.benchmarkOnly("Energy", 0.6, 0.02),
                SectorInput.portfolioOnly("Gold", 0.5, -0.04)));
        assertThat(a.benchmarkReturn()).isCloseTo(0.052, within(EXACT));
        assertThat(a.portfolioReturn()).isCloseTo(0.04, within(EXACT));
        // Tech: 0.1 x (0.10 - 0.052), 0.4 x 0.02, 0.1 x 0.02
        // Energy (r_p := r_b): -0.6 x (0.02 - 0.052), 0, 0
        // Gold (r_b := r_p): 0.5 x (-0.04 - 0.052), 0, 0
        assertThat(column(a, Effect.ALLOCATION)).containsExactly(new double[] {0.0048, 0.0192, -0.046}, within(EXACT));
        assertThat(column(a, Effect.SELECTION)).containsExactly(new double[] {0.008, 0, 0}, within(EXACT));
        assertThat(column(a, Effect.INTERACTION)).containsExactly(new double[] {0.002, 0, 0}, within(EXACT));
        assertThat(a.allocation()).isCloseTo(-0.022, within(EXACT));
        assertThat(a.activeReturn()).isCloseTo(-0.012, within(EXACT));
        assertThat(a.sectors().get(1).portfolioReturn()).isEqualTo(0.02);
        assertThat(a.sectors().get(2).benchmarkReturn()).isEqualTo(-0.04);
    }

    @Test
    void sectorInputsFromInstruments() {
        List<SectorInput> sectors = SectorInputs.fromInstruments(List.of(
                new InstrumentInput("A", "Tech", 0.3, 0.2, 0.10),
                new InstrumentInput("B", "Tech", 0.1, 0.2, 0.02),
                new InstrumentInput("C", "Energy", 0, 0.3, -0.05),
                new InstrumentInput("D", "Energy", 0, 0.1, 0.03),
                new InstrumentInput("E", "Crypto", 0.6, 0, 0.20),
                new InstrumentInput("F", "Crypto", 0, 0, 0.0),
                new InstrumentInput("G", "Utilities", 0, 0.2, 0.01)));
        assertThat(sectors).extracting(SectorInput::sector).containsExactly("Tech", "Energy", "Crypto", "Utilities");
        // Tech: r_p = (0.3 x 0.10 + 0.1 x 0.02) / 0.4 = 0.08, r_b = (0.2 x 0.10 + 0.2 x 0.02) / 0.4 = 0.06
        SectorInput tech = sectors.get(0);
        assertThat(new double[] {tech.portfolioWeight(), tech.benchmarkWeight(), tech.portfolioReturn(),
                tech.benchmarkReturn()}).containsExactly(new double[] {0.4, 0.4, 0.08, 0.06}, within(EXACT));
        // Energy, not held: r_b = (0.3 x -0.05 + 0.1 x 0.03) / 0.4 = -0.03 and r_p := r_b
        SectorInput energy = sectors.get(1);
        assertThat(energy.portfolioReturn()).isCloseTo(-0.03, within(EXACT));
        assertThat(energy.benchmarkReturn()).isCloseTo(-0.03, within(EXACT));
        // Crypto, off-benchmark: r_b is the equal-weighted (0.20 + 0.0) / 2 = 0.10; r_p = 0.20
        SectorInput crypto = sectors.get(2);
        assertThat(crypto.benchmarkReturn()).isCloseTo(0.10, within(EXACT));
        assertThat(crypto.portfolioReturn()).isCloseTo(0.20, within(EXACT));

        // R_b = 0.4 x 0.06 + 0.4 x -0.03 + 0.2 x 0.01 = 0.014, R_p = 0.4 x 0.08 + 0.6 x 0.20 = 0.152
        BrinsonAttribution a = BrinsonFachler.attribute(sectors);
        assertThat(a.activeReturn()).isCloseTo(0.138, within(EXACT));
        // allocation: Energy -0.4 x (-0.03 - 0.014), Crypto 0.6 x (0.10 - 0.014), Utilities -0.2 x (0.01 - 0.014)
        assertThat(column(a, Effect.ALLOCATION)).containsExactly(new double[] {0, 0.0176, 0.0516, 0.0008},
                within(EXACT));
        assertThat(column(a, Effect.SELECTION)).containsExactly(new double[] {0.008, 0, 0, 0}, within(EXACT));
        // Crypto's pick within the sector: 0.6 x (0.20 - 0.10)
        assertThat(column(a, Effect.INTERACTION)).containsExactly(new double[] {0, 0, 0.06, 0}, within(EXACT));
        assertThat(a.allocation()).isCloseTo(0.07, within(EXACT));
    }

    @Test
    void carinoLinkingOfThreePeriodsAddsUpToTheCompoundedActiveReturn() {
        List<BrinsonAttribution> periods = List.of(
                BrinsonFachler.attribute(List.of(new SectorInput("A", 0.6, 0.5, 0.08, 0.05),
                        new SectorInput("B", 0.4, 0.5, -0.02, 0.01))),
                BrinsonFachler.attribute(List.of(new SectorInput("A", 0.3, 0.5, -0.12, -0.10),
                        new SectorInput("B", 0.7, 0.5, 0.04, 0.02))),
                BrinsonFachler.attribute(List.of(new SectorInput("A", 0.5, 0.5, 0.15, 0.15),
                        new SectorInput("C", 0.5, 0.5, 0.07, 0.07))));
        LinkedAttribution linked = CarinoLinking.link(periods);
        double rp = 1;
        double rb = 1;
        for (BrinsonAttribution p : periods) {
            rp *= 1 + p.portfolioReturn();
            rb *= 1 + p.benchmarkReturn();
        }
        assertThat(linked.portfolioReturn()).isCloseTo(rp - 1, within(EXACT));
        assertThat(linked.benchmarkReturn()).isCloseTo(rb - 1, within(EXACT));
        assertThat(linked.allocation() + linked.selection() + linked.interaction())
                .isCloseTo(rp - rb, within(IDENTITY));
        assertThat(linked.sectors()).extracting(LinkedAttribution.SectorEffects::sector)
                .containsExactly("A", "B", "C");
        assertThat(linked.sectors().stream().mapToDouble(LinkedAttribution.SectorEffects::total).sum())
                .isCloseTo(rp - rb, within(IDENTITY));
    }

    @Test
    void equalReturnsUseTheLimitOfCarinosCoefficient() {
        assertThat(CarinoLinking.coefficient(0.05, 0.05)).isEqualTo(1 / 1.05);
        assertThat(CarinoLinking.coefficient(0.05, 0.05 + 1e-13)).isCloseTo(1 / 1.05, within(1e-12));
        assertThat(CarinoLinking.coefficient(0.10, -0.02))
                .isCloseTo((Math.log(1.10) - Math.log(0.98)) / 0.12, within(EXACT));
        // 10% then 0% against 0% then 10%: both compound to 10%, so k = 1 / 1.1 and the linked effects cancel
        double[][] linked = CarinoLinking.link(new double[][] {{0.06, 0.04}, {-0.03, -0.07}},
                new double[] {0.10, 0.0}, new double[] {0.0, 0.10});
        assertThat(linked[0][0] + linked[0][1] + linked[1][0] + linked[1][1]).isCloseTo(0, within(IDENTITY));
        double k = 1 / 1.1;
        assertThat(linked[0][0]).isCloseTo(0.06 * Math.log(1.1) / 0.1 / k, within(EXACT));
    }

    @Test
    void effectsAddUpToTheActiveReturnOnRandomSectors() {
        SplittableRandom rng = new SplittableRandom(1985);
        for (int trial = 0; trial < 500; trial++) {
            BrinsonAttribution a = BrinsonFachler.attribute(randomSectors(rng, 1 + rng.nextInt(12)));
            double rowSum = a.sectors().stream().mapToDouble(SectorAttribution::total).sum();
            String where = "trial " + trial;
            assertThat(a.allocation() + a.selection() + a.interaction()).as(where)
                    .isCloseTo(a.activeReturn(), within(IDENTITY));
            assertThat(rowSum).as(where).isCloseTo(a.activeReturn(), within(IDENTITY));
        }
    }

    @Test
    void linkedEffectsAddUpToTheCompoundedActiveReturnOnRandomPeriods() {
        SplittableRandom rng = new SplittableRandom(1999);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rng.nextInt(24);
            List<BrinsonAttribution> periods = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                periods.add(BrinsonFachler.attribute(randomSectors(rng, 1 + rng.nextInt(8))));
            }
            LinkedAttribution linked = CarinoLinking.link(periods);
            assertThat(linked.allocation() + linked.selection() + linked.interaction()).as("trial " + trial)
                    .isCloseTo(linked.activeReturn(), within(IDENTITY));
        }
    }

    @Test
    void weightsWithinTheToleranceAreRescaledSoTheIdentityHolds() {
        BrinsonAttribution a = BrinsonFachler.attribute(List.of(new SectorInput("A", 0.6000004, 0.5, 0.10, 0.08),
                new SectorInput("B", 0.4, 0.4999996, -0.05, 0.03)));
        assertThat(a.sectors().get(0).portfolioWeight() + a.sectors().get(1).portfolioWeight())
                .isCloseTo(1, within(1e-15));
        assertThat(a.allocation() + a.selection() + a.interaction()).isCloseTo(a.activeReturn(), within(IDENTITY));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> BrinsonFachler.attribute(List.of(new SectorInput("A", 0.9, 1, 0.1, 0.1))))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("portfolio_weights:");
        assertThatThrownBy(() -> BrinsonFachler.attribute(List.of(new SectorInput("A", 1, 0.5, 0.1, 0.1),
                SectorInput.benchmarkOnly("B", 0.49, 0.1))))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("benchmark_weights:");
        assertThatThrownBy(() -> BrinsonFachler.attribute(List.of(new SectorInput("A", 0.5, 0.5, 0.1, 0.1),
                new SectorInput("A", 0.5, 0.5, 0.1, 0.1))))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("sectors:");
        assertThatThrownBy(() -> new SectorInput("A", 0.5, 0.5, Double.NaN, 0.1))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("portfolio_return:");
        assertThatThrownBy(() -> new SectorInput("A", -0.1, 0.5, 0.1, 0.1))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("portfolio_weight:");
        assertThatThrownBy(() -> new SectorInput("A", 0, 0, Double.NaN, Double.NaN))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("benchmark_return:");
        assertThatThrownBy(() -> SectorInputs.fromInstruments(List.of(new InstrumentInput("X", "A", 1, 1, 0.1),
                new InstrumentInput("X", "B", 0, 0, 0.1))))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("instruments:");
        assertThatThrownBy(() -> CarinoLinking.link(new double[][] {{0.01}}, new double[] {0.01, 0.02},
                new double[] {0.0, 0.0}))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("effects:");
        assertThatThrownBy(() -> CarinoLinking.link(new double[][] {{0.01}}, new double[] {-1},
                new double[] {0.0}))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("portfolio_returns:");
    }

    private enum Effect { ALLOCATION, SELECTION, INTERACTION, SELECTION_WITH_INTERACTION }

    private static double pick(Effect e, double allocation, double selection, double interaction) {
        return switch (e) {
            case ALLOCATION -> allocation;
            case SELECTION -> selection;
            case INTERACTION -> interaction;
            case SELECTION_WITH_INTERACTION -> selection + interaction;
        };
    }

    private static double[] column(BrinsonAttribution a, Effect e) {
        return a.sectors().stream().mapToDouble(s -> pick(e, s.allocation(), s.selection(), s.interaction()))
                .toArray();
    }

    private static double[] sectorTotals(LinkedAttribution linked, Effect e) {
        return linked.sectors().stream().mapToDouble(s -> pick(e, s.allocation(), s.selection(), s.interaction()))
                .toArray();
    }

    private static List<SectorInput> baconQuarter(int q) {
        List<SectorInput> sectors = new ArrayList<>();
        for (int i = 0; i < BACON_SECTORS.length; i++) {
            sectors.add(new SectorInput(BACON_SECTORS[i], BACON_WP[q][i], BACON_WB[q][i], BACON_RP[q][i],
                    BACON_RB[q][i]));
        }
        return sectors;
    }

    /**
     * n sectors with random weights on each side (some sectors held by one side only, their other return left
     * out) and returns between -30% and +40%.
     */
    private static List<SectorInput> randomSectors(SplittableRandom rng, int n) {
        double[] wp = new double[n];
        double[] wb = new double[n];
        for (int i = 0; i < n; i++) {
            wp[i] = rng.nextInt(4) == 0 ? 0 : rng.nextDouble();
            wb[i] = rng.nextInt(4) == 0 ? 0 : rng.nextDouble();
        }
        wp[rng.nextInt(n)] += 0.01;
        wb[rng.nextInt(n)] += 0.01;
        normalise(wp);
        normalise(wb);
        List<SectorInput> sectors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double rp = rng.nextDouble(-0.3, 0.4);
            double rb = rng.nextDouble(-0.3, 0.4);
            String name = "S" + i;
            if (wp[i] == 0 && wb[i] > 0 && rng.nextBoolean()) {
                sectors.add(SectorInput.benchmarkOnly(name, wb[i], rb));
            } else if (wb[i] == 0 && wp[i] > 0 && rng.nextBoolean()) {
                sectors.add(SectorInput.portfolioOnly(name, wp[i], rp));
            } else {
                sectors.add(new SectorInput(name, wp[i], wb[i], rp, rb));
            }
        }
        return sectors;
    }

    private static void normalise(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
    }
}
