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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
