package com.positionlab.ui.backtest;

import java.util.List;

import com.positionlab.domain.StoredBacktest;
import com.positionlab.service.backtest.BacktestHistory;

/** What a backtest run hands back to the view: the stored backtest with its answer, and the newest stored ones. */
record RunOutcome(BacktestHistory.Loaded loaded, List<StoredBacktest> recent) {
}
