package com.positionlab.service.sizing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * An in-process cache whose entries live for a fixed time and are dropped as soon as the store's data
 * changes ({@code version} moves on). Thread-safe and never serves a value loaded at an older version.
 *
 * <p>Loads are single-flight: callers that miss the same key at the same version while it is being
 * loaded wait for that one load instead of repeating it (just after a start, fifty concurrent sizings of
 * one instrument would otherwise each read its whole price history). A load that fails fails for every
 * caller waiting on it, with the same exception, and nothing is cached.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, long expiresAt, long version) {
    }

    /** A load in progress: the version it was started at, its result and the thread running it. */
    private record Flight<V>(long version, CompletableFuture<V> result, Thread loader) {
    }

    private final String name;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final LongSupplier version;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<K, Flight<V>> flights = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public TtlCache(String name, Duration ttl, LongSupplier nanoClock, LongSupplier version, int maxEntries) {
        this.name = name;
        this.ttlNanos = ttl.toNanos();
        this.clock = nanoClock;
        this.version = version;
        this.maxEntries = maxEntries;
    }

    public V get(K key, Function<K, V> load) {
        long now = clock.getAsLong();
        long v = version.getAsLong();
        Entry<V> e = entries.get(key);
        if (e != null && e.version == v && now - e.expiresAt < 0) {
            hits.increment();
            return e.value;
        }
        Flight<V> mine = new Flight<>(v, new CompletableFuture<>(), Thread.currentThread());
        Flight<V> running = flights.putIfAbsent(key, mine);
        if (running != null && running.version == v && running.loader != Thread.currentThread()) {
            hits.increment();
            return await(running);
        }
        misses.increment();
        if (running != null) {
            // A load of an older version (or our own, re-entered) is in flight: load on our own, unshared.
            return loadAndKeep(key, load, now, v);
        }
        try {
            V value = loadAndKeep(key, load, now, v);
            mine.result.complete(value);
            return value;
        } catch (RuntimeException | Error ex) {
            mine.result.completeExceptionally(ex);
            throw ex;
        } finally {
            flights.remove(key, mine);
        }
    }

    private V loadAndKeep(K key, Function<K, V> load, long now, long v) {
        V value = load.apply(key);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + ttlNanos, v));
        return value;
    }

    private static <V> V await(Flight<V> flight) {
        try {
            return flight.result.join();
        } catch (CompletionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw ex;
        }
    }

    public void invalidateAll() {
        entries.clear();
    }

    public String name() {
        return name;
    }

    public Duration ttl() {
        return Duration.ofNanos(ttlNanos);
    }

    /** Lookups answered without loading: from an entry, or by waiting for another caller's load. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that ran a load. */
    public long misses() {
        return misses.sum();
    }
}
