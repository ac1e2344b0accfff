package io.investcrm.core;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Figures kept under the version of their data ({@link FiguresVersions}) and the parameters asked for: the same
 * question on unchanged data is answered from memory; any committed change makes a new version, and the first request
 * that sees it computes the figures again while concurrent requests for the same key wait for that one computation
 * instead of running it too. Entries of older versions are dropped as soon as a newer version is stored.
 *
 * @param <P> the parameters of a question (a record: equals and hashCode by value)
 * @param <V> the figures (immutable once computed: they are shared between requests)
 */
public final class FiguresCache<P, V> {

    private record Key<P>(String version, P params) {
    }

    private final int maxEntries;
    private final Map<Key<P>, CompletableFuture<V>> entries = new ConcurrentHashMap<>();

    public FiguresCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The figures for these parameters at this version, computed by {@code compute} (in the caller's transaction) if needed. */
    public V get(String version, P params, Supplier<V> compute) {
        Key<P> key = new Key<>(version, params);
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = entries.putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (RuntimeException e) {
                // the other computation failed (its request got its error): this one computes for itself
                return compute.get();
            }
        }
        try {
            V value = compute.get();
            mine.complete(value);
            entries.keySet().removeIf(k -> !k.version().equals(version));
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
