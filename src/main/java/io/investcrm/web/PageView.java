package io.investcrm.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One page of a list, as sent to clients and pages. The company search and the prospect list count capped: their
 * {@code total} is exact up to {@value #COUNT_CAP}, and {@value #COUNT_CAP} + 1 means "more than {@value #COUNT_CAP}"
 * (see {@link #cappedTotal}).
 */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    /** One-based page number for people. */
    public int displayPage() {
        return page + 1;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    /**
     * Whether the page is full and not the furthest a list may be paged: for a capped total beyond the cap, whether a
     * next page may hold more rows.
     */
    public boolean full() {
        return size > 0 && items.size() == size && (long) (page + 1) * size <= MAX_OFFSET;
    }

    public int nextPage() {
        return page + 1;
    }

    public int previousPage() {
        return page - 1;
    }

    public <R> PageView<R> map(Function<T, R> mapper) {
        return new PageView<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** Clamps what a client asks for: pages from 0, sizes from 1 to 200. */
    public static int[] clamp(Integer page, Integer size) {
        int s = size == null || size < 1 ? 20 : Math.min(size, 200);
        // nobody pages past ten thousand rows (they refine the search); it also keeps page * size from overflowing
        int p = page == null || page < 0 ? 0 : Math.min(page, MAX_OFFSET / s);
        return new int[] { p, s };
    }

    /** The furthest a list may be paged, in rows. */
    public static final int MAX_OFFSET = 10_000;

    /**
     * Where a capped count stops: beyond a thousand rows nobody pages on, they refine the filter, and an exact count of
     * a broad filter reads every row it matches. A total of {@value} + 1 means "more than {@value}".
     */
    public static final int COUNT_CAP = 1000;

    /**
     * The total of a page of a capped list. A short page is the last one: its end is the total, no count is needed
     * (an empty page past the end is not, it counts). Otherwise {@code cappedCount} counts up to {@code cap} + 1.
     * Every page of a list tells the same capped total: a last page beyond the cap says "more than" like the others.
     *
     * @param cappedCount the count of matching rows, stopped at {@code cap} + 1
     */
    public static long cappedTotal(int offset, int limit, int rows, int cap, LongSupplier cappedCount) {
        long total = rows < limit && (offset == 0 || rows > 0) ? offset + rows : cappedCount.getAsLong();
        // the rows of a page are there: a count taken a moment before may not tell fewer (an empty page tells nothing)
        long seen = rows > 0 ? (long) offset + rows : 0;
        return Math.min(Math.max(total, seen), cap + 1L);
    }
}
