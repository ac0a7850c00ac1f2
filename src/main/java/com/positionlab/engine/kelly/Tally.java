package com.positionlab.engine.kelly;

/**
 * Wins, losses and gross amounts of P&amp;Ls added one at a time: a P&amp;L above zero is a win, below zero a
 * loss, and exactly zero a scratch that counts toward neither. The edge statistics and every bootstrap
 * resample count trades this one way.
 */
final class Tally {

    int wins;
    int losses;
    double grossProfit;
    double grossLoss;

    void add(double pnl) {
        if (pnl > 0) {
            wins++;
            grossProfit += pnl;
        } else if (pnl < 0) {
            losses++;
            grossLoss -= pnl;
        }
    }

    void clear() {
        wins = 0;
        losses = 0;
        grossProfit = 0;
        grossLoss = 0;
    }
}
