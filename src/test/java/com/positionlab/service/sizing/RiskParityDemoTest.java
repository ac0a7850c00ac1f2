package com.positionlab.service.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.positionlab.domain.Side;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;

/** RISK_PARITY on a fresh demo workspace, against an independent solve. */
class RiskParityDemoTest {

    private static Database db;
    private static PositionSizingService service;

    @BeforeAll
    static void demo() {
        db = TestStores.memory();
        Store store = new Store(db);
        new WorkspaceService(store).createDemo(Progress.NONE);
        service = new PositionSizingService(store);
    }

    @AfterAll
    static void close() {
        service.close();
        db.close();
    }

    private static PositionSizingResponse riskParity(String instrument, Side side, double entry) {
        SizingParameters p = new SizingParameters(SizingMethod.RISK_PARITY, null, null, null, 10.0, null, null,
                null, null, null, null, null, null, null, null, null, null);
        return service.size(PositionSizingServiceTest.request(PositionSizingServiceTest.decision("rp-" + instrument,
                instrument, side, entry, null, null), null, p, null));
    }

    @Test
    void aShortAgainstAHeldLongClosesItAndBuildsAShortWithAnEqualShareOfRisk() {
        PositionSizingResponse r = riskParity("PAYM", Side.SHORT, 100);
        assertThat(r.optimalPosition().reason()).isNull();
        // Independent solve (numpy: the Euler share of the annualised sample covariance over the lookback,
        // fresh demo workspace): a trade of 0.54078 of equity.
        assertThat(r.sizingAnalysis().optimizationDetails().rawWeight()).isCloseTo(0.54078, within(5e-5));
    }

    @Test
    void medxShortIsSizedToo() {
        PositionSizingResponse r = riskParity("MEDX", Side.SHORT, 100);
        assertThat(r.optimalPosition().reason()).isNull();
        assertThat(r.optimalPosition().recommendedSize()).isPositive();
    }
}
