package com.positionlab.service.sizing;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.positionlab.engine.InvalidParameterException;
import com.positionlab.engine.sizing.MarketModel;
import com.positionlab.engine.sizing.PositionSizingEngine;
import com.positionlab.engine.sizing.SizingOutcome;
import com.positionlab.service.StoreUnavailableException;
import com.positionlab.service.ValidationException;
import com.positionlab.service.metrics.LatencyRecorder;
import com.positionlab.service.sizing.PositionSizingResponse.MethodComparison;
import com.positionlab.store.Store;
import com.positionlab.store.StoreException;

/**
 * The "size a trade" use case: a PositionSizingRequest in, a PositionSizingResponse out, the same for the
 * ticket, the CLI and the API. It orchestrates: the request is resolved ({@link SizingRequestResolver}), the
 * book's covariance model comes from the workspace's market data or the request ({@link SizingMarketData}),
 * the engine sizes, and the outcome is mapped to the response ({@link SizingResponses}). Every sizing with
 * a workspace records a {@code position_sized} event through the outbox ({@link SizingEventOutbox}) and
 * returns only once that event is committed; when the workspace cannot write, the sizing fails with a
 * {@link StoreUnavailableException} and {@link #writeHealth()} says why. Accepting a sizing is its own use
 * case ({@link #acceptance()}).
 */
public final class PositionSizingService implements AutoCloseable {

    private final LatencyRecorder metrics = new LatencyRecorder();
    private final SizingEventOutbox outbox;
    private final StoreWriteHealth writeHealth;
    private final SizingMarketData market;
    private final SizingRequestResolver resolver;
    private final SizingAcceptance acceptance;

    /** A calculator without a workspace: portfolio state and return history must come in the request. */
    public PositionSizingService() {
        this(null, null);
    }

    public PositionSizingService(Store store) {
        this(store, null);
    }

    /**
     * @param ruleLookup finds a stored rule by id (null: rules are read from nowhere and {@code rule_id}
     *                   is rejected)
     */
    public PositionSizingService(Store store, Function<String, Optional<SizingRule>> ruleLookup) {
        this(store, ruleLookup, new StoreWriteHealth());
    }

    /**
     * @param writeHealth told of every write this service tries (shared with a health check that reports it)
     */
    public PositionSizingService(Store store, Function<String, Optional<SizingRule>> ruleLookup,
                                 StoreWriteHealth writeHealth) {
        this(store, ruleLookup, System::nanoTime, writeHealth, null);
    }

    PositionSizingService(Store store, Function<String, Optional<SizingRule>> ruleLookup, LongSupplier clock) {
        this(store, ruleLookup, clock, new StoreWriteHealth(), null);
    }

    /** With a given outbox (tests: a store that fails or hangs on demand). */
    PositionSizingService(Store store, Function<String, Optional<SizingRule>> ruleLookup, StoreWriteHealth writeHealth,
                          SizingEventOutbox outbox) {
        this(store, ruleLookup, System::nanoTime, writeHealth, outbox);
    }

    private PositionSizingService(Store store, Function<String, Optional<SizingRule>> ruleLookup, LongSupplier clock,
                                  StoreWriteHealth writeHealth, SizingEventOutbox outbox) {
        this.writeHealth = writeHealth;
        this.market = new SizingMarketData(store, ruleLookup, clock);
        this.resolver = new SizingRequestResolver(market);
        this.acceptance = new SizingAcceptance(store, market, writeHealth);
        this.outbox = outbox != null || store == null ? outbox : new SizingEventOutbox(store, writeHealth);
    }

    /**
     * Sizes the request's decision by its method. With a workspace, returns once the sizing's
     * {@code position_sized} event is committed.
     *
     * @throws StoreUnavailableException when the event could not be stored (the sizing is then not answered)
     */
    public PositionSizingResponse size(PositionSizingRequest request) {
        return run(request, false, true);
    }

    /** Sizes the decision by the request's method and, in {@code comparison}, by every method side by side. */
    public PositionSizingResponse sizeAllMethods(PositionSizingRequest request) {
        return run(request, true, true);
    }

    /**
     * Sizes by every method like {@link #sizeAllMethods}, for previews (the rule editor): no
     * {@code position_sized} event and not counted in the metrics, since nobody asked for a sizing.
     */
    public PositionSizingResponse preview(PositionSizingRequest request) {
        return run(request, true, false);
    }

    private PositionSizingResponse run(PositionSizingRequest request, boolean compare, boolean record) {
        long start = System.nanoTime();
        LatencyRecorder.Result result = LatencyRecorder.Result.FAILED;
        RuntimeException failure = null;
        try {
            ResolvedRequest r = resolver.resolve(request);
            MarketModel model = market.model(r);
            SizingOutcome o;
            List<MethodComparison> comparison = null;
            try {
                o = PositionSizingEngine.size(r.spec(), model);
                if (compare) {
                    comparison = new ArrayList<>();
                    for (SizingOutcome c : PositionSizingEngine.compare(r.spec(), model)) {
                        comparison.add(SizingResponses.comparisonRow(c));
                    }
                }
            } catch (InvalidParameterException e) {
                throw EngineErrors.toValidation(e);
            }
            String sizingId = newId();
            double ms = (System.nanoTime() - start) / 1e6;
            PositionSizingResponse response = SizingResponses.toResponse(sizingId, r, o, market.returnDates(r, model),
                    comparison, ms);
            if (outbox != null && record) {
                outbox.record(sizingId, r.decisionId(), response);
            }
            result = LatencyRecorder.Result.OK;
            return response.withRequest(request);
        } catch (ValidationException e) {
            result = LatencyRecorder.Result.REJECTED;
            throw e;
        } catch (StoreException e) {
            // The workspace failed under the sizing (H2 closes the file after a failed write): a 503, not a fault.
            failure = new StoreUnavailableException("could not read the workspace: " + StoreWriteHealth.reason(e), e);
            throw failure;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            if (record) {
                metrics.record(System.nanoTime() - start, result, failure == null ? null : failed(request, failure));
            }
        }
    }

    /** What a failed sizing asked for and why it failed, for the Activity page's list of errors. */
    private static String failed(PositionSizingRequest request, RuntimeException e) {
        var d = request == null ? null : request.tradingDecision();
        String what = d == null ? "a sizing" : d.direction() + " " + d.instrumentId();
        return what + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Accepting sizings into the history (and the holdings), over this service's workspace and caches. */
    public SizingAcceptance acceptance() {
        return acceptance;
    }

    /** Writes every stored event as JSON Lines (one {@code position_sized} payload per line); returns how many. */
    public int exportEvents(Writer out) throws IOException {
        if (outbox == null) {
            return 0;
        }
        return outbox.exportJsonLines(out);
    }

    /** Kept for callers of the queued outbox: every recorded event is already committed, so this returns at once. */
    public void flushEvents() {
        if (outbox != null) {
            outbox.flush();
        }
    }

    /** Whether the workspace accepts the writes this service must make, and why not. */
    public StoreWriteHealth writeHealth() {
        return writeHealth;
    }

    /** Latency and counts of the sizings this service ran; a refused request counts as rejected, not as an error. */
    public LatencyRecorder metrics() {
        return metrics;
    }

    /** The caches, for the Activity view and tests. */
    public List<TtlCache<?, ?>> caches() {
        return market.caches();
    }

    @Override
    public void close() {
        if (outbox != null) {
            outbox.close();
        }
    }

    /**
     * Every problem of the request at once (its fields, its rule, its book), without sizing or recording
     * anything; empty when it can be sized.
     */
    public List<ValidationException.FieldError> check(PositionSizingRequest request) {
        try {
            resolver.resolve(request);
            return List.of();
        } catch (ValidationException e) {
            return e.errors();
        }
    }

    /** For tests of the resolution alone. */
    ResolvedRequest resolve(PositionSizingRequest request) {
        return resolver.resolve(request);
    }

    private static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}
