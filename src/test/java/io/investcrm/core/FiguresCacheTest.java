package io.investcrm.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The figures cache alone: one computation per version and question, however many ask at once. */
class FiguresCacheTest {

    @Test
    void concurrentRequestsForTheSameVersionWaitForOneComputation() throws Exception {
        FiguresCache<String, Integer> cache = new FiguresCache<>(8);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            answers.add(pool.submit(() -> cache.get("v1", "funnel", () -> {
                started.countDown();
                await(release);
                return computed.incrementAndGet() * 10;
            })));
            started.await(5, TimeUnit.SECONDS);
            for (int i = 0; i < 7; i++) {
                answers.add(pool.submit(() -> cache.get("v1", "funnel", () -> computed.incrementAndGet() * 10)));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<Integer> a : answers) {
                assertEquals(10, a.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, computed.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewVersionIsComputedAgain() {
        FiguresCache<String, String> cache = new FiguresCache<>(8);
        assertEquals("a1", cache.get("v1", "a", () -> "a1"));
        assertEquals("b1", cache.get("v1", "b", () -> "b1"));
        assertEquals("a1", cache.get("v1", "a", () -> "not computed again"));
        assertEquals("a2", cache.get("v2", "a", () -> "a2"));
        assertEquals("b2", cache.get("v2", "b", () -> "b2"));
        assertEquals("a2", cache.get("v2", "a", () -> "not computed again"));
    }

    @Test
    void theWaitersOfAFailedComputationGetItsErrorAndDoNotComputeThemselves() throws Exception {
        FiguresCache<String, Integer> cache = new FiguresCache<>(8);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> owner = pool.submit(() -> cache.get("v1", "q", () -> {
                started.countDown();
                await(release);
                throw new IllegalStateException("database gone");
            }));
            started.await(5, TimeUnit.SECONDS);
            List<Future<Integer>> waiters = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                waiters.add(pool.submit(() -> cache.get("v1", "q", () -> computed.incrementAndGet())));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<Integer> w : List.of(owner, waiters.get(0), waiters.get(1), waiters.get(2))) {
                java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> w.get(5, TimeUnit.SECONDS));
                assertEquals("database gone", e.getCause().getMessage());
            }
            assertEquals(0, computed.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedComputationIsNotKeptAndItsErrorReachesItsCaller() {
        FiguresCache<String, String> cache = new FiguresCache<>(8);
        assertThrows(IllegalStateException.class, () -> cache.get("v1", "a", () -> {
            throw new IllegalStateException("database gone");
        }));
        assertEquals(0, cache.size());
        assertEquals("a1", cache.get("v1", "a", () -> "a1"));
    }

    @Test
    void theNumberOfQuestionsKeptIsBounded() {
        FiguresCache<Integer, Integer> cache = new FiguresCache<>(4);
        for (int i = 0; i < 20; i++) {
            cache.get("v1", i, () -> 1);
        }
        assertEquals(true, cache.size() <= 5, "kept " + cache.size());
    }

    /** A read of the data as {@link FiguresCache#live} makes it: a new version each time (a write committed between). */
    private static FiguresCache.Reading<String> reading(AtomicInteger reads, AtomicInteger computed, CountDownLatch release) {
        String version = "v" + reads.incrementAndGet();
        return new FiguresCache.Reading<>(version, () -> {
            computed.incrementAndGet();
            await(release);
            return "figures of " + version;
        });
    }

    @Test
    void liveFiguresOfAnUnchangedVersionAreNotComputedAgain() {
        FiguresCache<String, String> cache = new FiguresCache<>(8);
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertEquals("a", cache.live("q", () -> new FiguresCache.Reading<>("v1", () -> {
                computed.incrementAndGet();
                return "a";
            })).value());
        }
        assertEquals(1, computed.get());
        assertEquals("b", cache.live("q", () -> new FiguresCache.Reading<>("v2", () -> "b")).value());
    }

    @Test
    void requestsArrivingWhileAComputationRunsShareTheNextOneWhichReadsAfterThemAll() throws Exception {
        FiguresCache<String, String> cache = new FiguresCache<>(8);
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<FiguresCache.Versioned<String>> first = pool.submit(() -> cache.live("q", () -> reading(reads, computed, release)));
            while (computed.get() < 1) {
                Thread.sleep(5);
            }
            List<Future<FiguresCache.Versioned<String>>> later = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                later.add(pool.submit(() -> cache.live("q", () -> reading(reads, computed, release))));
            }
            while (reads.get() < 7) {
                Thread.sleep(5);
            }
            Thread.sleep(100);
            release.countDown();
            assertEquals("figures of v1", first.get(5, TimeUnit.SECONDS).value());
            for (Future<FiguresCache.Versioned<String>> a : later) {
                // each of the six read v2..v7 on arrival; the shared computation read v8, after all of them
                assertEquals("v8", a.get(5, TimeUnit.SECONDS).version());
                assertEquals("figures of v8", a.get().value());
            }
            assertEquals(2, computed.get(), "one computation running, one shared by the six requests that came meanwhile");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedLiveComputationAnswersItsOwnRequestsAndTheNextOneStillRuns() throws Exception {
        FiguresCache<String, String> cache = new FiguresCache<>(8);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<FiguresCache.Versioned<String>> failing = pool.submit(() -> cache.live("q", () -> {
                reads.incrementAndGet();
                return new FiguresCache.Reading<String>("v1", () -> {
                    started.countDown();
                    await(release);
                    throw new IllegalStateException("database gone");
                });
            }));
            started.await(5, TimeUnit.SECONDS);
            Future<FiguresCache.Versioned<String>> later = pool.submit(() -> cache.live("q", () -> {
                int n = reads.incrementAndGet();
                return new FiguresCache.Reading<>("v" + n, () -> "figures of v" + n);
            }));
            while (reads.get() < 2) {
                Thread.sleep(5);
            }
            Thread.sleep(50);
            release.countDown();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> failing.get(5, TimeUnit.SECONDS));
            assertEquals("database gone", e.getCause().getMessage());
            assertEquals("figures of v3", later.get(5, TimeUnit.SECONDS).value());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLiveReadThatFailsLeavesNothingRunning() {
        FiguresCache<String, String> cache = new FiguresCache<>(8);
        assertThrows(IllegalStateException.class, () -> cache.live("q", () -> new FiguresCache.Reading<String>("v1", () -> {
            throw new IllegalStateException("database gone");
        })));
        // the next request computes at once (it would wait 30 s for a computation left running)
        assertEquals("b", cache.live("q", () -> new FiguresCache.Reading<>("v2", () -> "b")).value());
    }

    @Test
    void theNumberOfLiveQuestionsKeptIsBounded() {
        FiguresCache<Integer, Integer> cache = new FiguresCache<>(4);
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            cache.live(i, () -> new FiguresCache.Reading<>("v1", computed::incrementAndGet));
        }
        // the last question is still kept, the first is not
        cache.live(19, () -> new FiguresCache.Reading<>("v1", computed::incrementAndGet));
        assertEquals(20, computed.get());
        cache.live(0, () -> new FiguresCache.Reading<>("v1", computed::incrementAndGet));
        assertEquals(21, computed.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
