package com.positionlab.service.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TtlCacheTest {

    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong version = new AtomicLong();
    private final TtlCache<String, Integer> cache = new TtlCache<>("t", Duration.ofSeconds(10), clock::get,
            version::get, 100);

    @Test
    void concurrentMissesOfOneKeyShareOneLoad() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<Integer> first = pool.submit(() -> cache.get("A", k -> {
                loads.incrementAndGet();
                loading.countDown();
                await(release);
                return 42;
            }));
            assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(pool.submit(() -> cache.get("A", k -> loads.incrementAndGet() * 1000)));
            }
            Thread.sleep(100); // the seven are now waiting for the first load
            release.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(42);
            for (Future<Integer> f : others) {
                assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(42);
            }
            assertThat(loads.get()).isEqualTo(1);
            assertThat(cache.misses()).isEqualTo(1);
            assertThat(cache.hits()).isEqualTo(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedLoadFailsItsWaitersAndIsNotCached() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(() -> cache.get("A", k -> {
                loading.countDown();
                await(release);
                throw new IllegalArgumentException("no prices for A");
            }));
            assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
            Future<Integer> waiter = pool.submit(() -> cache.get("A", k -> 7));
            Thread.sleep(100);
            release.countDown();

            assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> waiter.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no prices for A");
            assertThat(cache.get("A", k -> 9)).isEqualTo(9);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aChangeOfTheDataDuringALoadIsNotServedAfterIt() {
        assertThat(cache.get("A", k -> {
            version.incrementAndGet(); // the store changed while this value was read
            return 1;
        })).isEqualTo(1);
        assertThat(cache.get("A", k -> 2)).isEqualTo(2);
        assertThat(cache.get("A", k -> 3)).isEqualTo(2);
        clock.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(cache.get("A", k -> 4)).isEqualTo(4);
    }

    @Test
    void aReentrantLoadOfTheSameKeyDoesNotWaitForItself() {
        assertThat(cache.get("A", k -> cache.get("A", k2 -> 5) + 1)).isEqualTo(6);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
