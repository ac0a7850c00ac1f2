package com.positionlab.ui.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.positionlab.domain.Instrument;
import com.positionlab.service.build.LastBuild;
import com.positionlab.service.build.PortfolioBuilder;


/**
 * What the Build view loads before its first computation, off the JavaFX thread: the default portfolio, the
 * workspace's instruments, the held weights, the portfolio's last build and the saved universe lists.
 */
record Loaded(String portfolioId, List<Instrument> instruments, Map<String, Double> held, LastBuild last,
              Map<String, List<String>> lists) {

    static Loaded of(PortfolioBuilder b) {
        String id = b.defaultPortfolioId();
        Map<String, Double> held = new LinkedHashMap<>();
        b.holdings(id).holdings().forEach(h -> held.put(h.instrumentId(), h.weight()));
        return new Loaded(id, b.instruments(), held, b.lastBuild(id).orElse(null), b.lists().all());
    }
}
