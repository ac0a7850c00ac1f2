package com.positionlab.service.sizing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * An in-process cache whose entries live for a fixed time and are dropped as soon as the store's data
 * changes ({@code version} moves on). Thread-safe; a value may be computed twice under a race, never
 * served stale.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, long expiresAt, long version) {
    }

    private final String name;
    private final long ttlNanos;
    private final LongSupplier clock;
    private final LongSupplier version;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private volatile long hits;
    private volatile long misses;

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
            hits++;
            return e.value;
        }
        misses++;
        V value = load.apply(key);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + ttlNanos, v));
        return value;
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

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }
}
