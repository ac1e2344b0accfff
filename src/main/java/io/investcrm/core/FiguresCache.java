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
 * <p>Under a steady flow of writes almost every request sees a new version, and each would compute again. {@link #live}
 * lets such requests share: one computation of a question runs at a time, and the requests that arrive while it runs
 * share the next one, which reads the version when it starts, so after they arrived: each answer still includes every
 * change committed before its request, and a question is computed at most back to back, however many ask.
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

    /** How long a request waits for another's computation of the same figures before computing them itself. */
    private static final long WAIT_SECONDS = 30;

    /** The figures for these parameters at this version, computed by {@code compute} (in the caller's transaction) if needed. */
    public V get(String version, P params, Supplier<V> compute) {
        Key<P> key = new Key<>(version, params);
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = entries.putIfAbsent(key, mine);
        if (theirs != null) {
            // a failure of the one computation reaches its waiters (the database went away, say), not a computation
            // each at the worst moment
            try {
                return await(theirs);
            } catch (TimeoutException e) {
                return compute.get();
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

    /**
     * What a request read of its data: the version, and the computation of the figures from what was read (the caller's
     * transaction and request context).
     */
    public record Reading<V>(String version, Supplier<V> compute) {
    }

    /** A question's live computations: the last figures, the one running, the one the requests since will share. */
    private static final class Live<V> {
        Versioned<V> last;
        CompletableFuture<Versioned<V>> running;
        CompletableFuture<Versioned<V>> next;
    }

    private final Map<P, Live<V>> live = new ConcurrentHashMap<>();

    /**
     * The figures of a question as of no earlier than this call. {@code read} reads the data's version (and whatever the
     * computation needs from the same read); the last figures answer when their version is the one read. Otherwise the
     * request computes when no computation of the question runs; when one runs (it may have read before this request
     * arrived), the request waits for the next one, shared by every request that arrives meanwhile.
     */
    public Versioned<V> live(P params, Supplier<? extends Reading<V>> read) {
        Live<V> slot = live.computeIfAbsent(params, p -> new Live<>());
        Reading<V> mine = read.get();
        CompletableFuture<Versioned<V>> run = null;
        CompletableFuture<Versioned<V>> before = null;
        CompletableFuture<Versioned<V>> shared = null;
        synchronized (slot) {
            if (slot.last != null && slot.last.version().equals(mine.version())) {
                return slot.last;
            }
            if (slot.running == null) {
                run = slot.running = new CompletableFuture<>();
            } else if (slot.next == null) {
                before = slot.running;
                run = slot.next = new CompletableFuture<>();
            } else {
                // not started yet: it reads after this request arrived
                shared = slot.next;
            }
        }
        if (shared != null) {
            try {
                return await(shared);
            } catch (TimeoutException e) {
                return new Versioned<>(mine.version(), mine.compute().get());
            }
        }
        if (before == null) {
            return run(slot, run, mine, null);
        }
        try {
            await(before);
        } catch (TimeoutException e) {
            synchronized (slot) {
                if (slot.next == run) {
                    // the running one hangs: this one runs beside it, and no request arriving after its read may join it
                    slot.next = null;
                }
            }
        } catch (RuntimeException e) {
            // that computation's failure is its own requests' answer: this one reads afresh
        }
        return run(slot, run, null, read);
    }

    /** Runs a computation of the slot from {@code reading}, or from a read made now. */
    private Versioned<V> run(Live<V> slot, CompletableFuture<Versioned<V>> run, Reading<V> reading,
            Supplier<? extends Reading<V>> read) {
        Versioned<V> out;
        try {
            Reading<V> r = reading != null ? reading : read.get();
            Versioned<V> last;
            synchronized (slot) {
                last = slot.last;
            }
            out = last != null && last.version().equals(r.version()) ? last : new Versioned<>(r.version(), r.compute().get());
        } catch (RuntimeException | Error e) {
            handOver(slot, run, null);
            run.completeExceptionally(e);
            throw e;
        }
        handOver(slot, run, out);
        run.complete(out);
        if (live.size() > maxEntries) {
            live.values().removeIf(s -> s != slot && idle(s));
        }
        return out;
    }

    /** The end of a computation: its figures become the last, and the next computation (if any) the running one. */
    private static <V> void handOver(Live<V> slot, CompletableFuture<Versioned<V>> run, Versioned<V> out) {
        synchronized (slot) {
            if (out != null) {
                slot.last = out;
            }
            if (slot.running == run) {
                slot.running = slot.next;
                slot.next = null;
            }
        }
    }

    private static <V> boolean idle(Live<V> slot) {
        synchronized (slot) {
            return slot.running == null && slot.next == null;
        }
    }

    private static <T> T await(CompletableFuture<T> shared) throws TimeoutException {
        try {
            return shared.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many entries are kept (tests). */
    public int size() {
        return entries.size();
    }
}
