package com.positionlab.engine.backtest;

import static com.positionlab.engine.InvalidParameterException.positive;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * When a backtest trades back to its rule's target weights. Every schedule rebalances at the close of the
 * backtest's first day (day 0); after that:
 *
 * <ul>
 * <li>{@link Daily}: at every close;</li>
 * <li>{@link Weekly}: at the close of the first trading day of each ISO calendar week (weeks start on Monday), i.e.
 * on a day whose Monday differs from the previous trading day's;</li>
 * <li>{@link Monthly}: at the close of the first trading day of each calendar month;</li>
 * <li>{@link DriftBand}: at the close of any day on which some instrument's weight, before trading, differs from
 * the target set at the last rebalance by more than {@code band} (absolute: weights are fractions of equity,
 * so a band of 0.05 means five percentage points; equal to the band does not trigger);</li>
 * <li>{@link Once}: never again (buy and hold).</li>
 * </ul>
 */
public sealed interface RebalanceSchedule {

    /**
     * Whether a calendar schedule rebalances on {@code today}, the trading day after {@code previous}. False for
     * the drift band and buy and hold, which do not follow the calendar.
     */
    boolean startsPeriod(LocalDate previous, LocalDate today);

    static RebalanceSchedule daily() {
        return new Daily();
    }

    static RebalanceSchedule weekly() {
        return new Weekly();
    }

    static RebalanceSchedule monthly() {
        return new Monthly();
    }

    /** Rebalances when a weight drifts from its target by more than {@code band} (a fraction, above 0). */
    static RebalanceSchedule driftBand(double band) {
        return new DriftBand(band);
    }

    /** Buy and hold: trades at the start only. */
    static RebalanceSchedule once() {
        return new Once();
    }

    /** Every trading day. */
    record Daily() implements RebalanceSchedule {
        @Override
        public boolean startsPeriod(LocalDate previous, LocalDate today) {
            return true;
        }
    }

    /** The first trading day of each ISO week (Monday to Sunday). */
    record Weekly() implements RebalanceSchedule {
        @Override
        public boolean startsPeriod(LocalDate previous, LocalDate today) {
            return !previous.with(DayOfWeek.MONDAY).equals(today.with(DayOfWeek.MONDAY));
        }
    }

    /** The first trading day of each calendar month. */
    record Monthly() implements RebalanceSchedule {
        @Override
        public boolean startsPeriod(LocalDate previous, LocalDate today) {
            return previous.getMonthValue() != today.getMonthValue() || previous.getYear() != today.getYear();
        }
    }

    /**
     * When any instrument's weight differs from its target by more than {@code band}.
     *
     * @param band the largest tolerated absolute difference between a weight and its target, a fraction &gt; 0
     */
    record DriftBand(double band) implements RebalanceSchedule {
        public DriftBand {
            positive("band", band);
        }

        @Override
        public boolean startsPeriod(LocalDate previous, LocalDate today) {
            return false;
        }
    }

    /** Trades at the start only. */
    record Once() implements RebalanceSchedule {
        @Override
        public boolean startsPeriod(LocalDate previous, LocalDate today) {
            return false;
        }
    }
}
