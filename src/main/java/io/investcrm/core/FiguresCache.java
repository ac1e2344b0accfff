package io.investcrm.core;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Figures kept under the version of their data ({@link FiguresVersions}) and the parameters asked for: the same
 * question on unchanged data is answered from memory; any committed change makes a new version, and the first request
 * that sees it computes the figures again while concurrent requests for the same key wait for that one computation
 * instead of running it too. At most {@code maxEntries} questions are kept (beyond, all but the newest are dropped).
 *
 * @param <P> the parameters of a question (a record: equals and hashCode by value)
 * @param <V> the figures (immutable once computed: they are shared between requests)
 */
public final class FiguresCache<P, V> {

    private record Key<P>(String version, P params) {
    }

    /** Figures with the version they were kept under (a web layer keeps their serialized form under the same). */
    public record Versioned<V>(String version, V value) {
    }

    private final int maxEntries;
    private final Map<Key<P>, CompletableFuture<V>> entries = new ConcurrentHashMap<>();

    public FiguresCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** {@link #get} with the version. */
    public Versioned<V> versioned(String version, P params, Supplier<V> compute) {
        return new Versioned<>(version, get(version, params, compute));
    }

    /** How long a request waits for another's computation of the same figures before computing them itself. */
    private static final long WAIT_SECONDS = 30;

    /** The figures for these parameters at this version, computed by {@code compute} (in the caller's transaction) if needed. */
    public V get(String version, P params, Supplier<V> compute) {
        Key<P> key = new Key<>(version, params);
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = entries.putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return theirs.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // the one computation failed (the database went away, say): its waiters get its error, not a
                // computation each at the worst moment
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                return compute.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        try {
            V value = compute.get();
            mine.complete(value);
            // bounded: questions of older versions (or a version computed late by a slow request) are dropped once
            // more than maxEntries are kept, the one just computed is kept
            if (entries.size() > maxEntries) {
                entries.keySet().removeIf(k -> !k.equals(key));
            }
            return value;
        } catch (RuntimeException | Error e) {
            entries.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** How many entries are kept (tests). */
    public int size() {
        return entries.size();
    }
}
