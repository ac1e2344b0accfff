package io.investcrm.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as sent to clients and pages. */
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
}
