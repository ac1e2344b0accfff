package io.investcrm.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

/** The capped total of the company search and the prospect list: exact up to the cap, "more than" beyond it. */
class PageViewCappedTotalTest {

    static final int CAP = PageView.COUNT_CAP;

    /** A count that a database stopped at {@code cap} + 1 for {@code matches} rows; remembers whether it ran. */
    static final class Count implements LongSupplier {
        final long matches;
        final AtomicInteger runs = new AtomicInteger();

        Count(long matches) {
            this.matches = matches;
        }

        @Override
        public long getAsLong() {
            runs.incrementAndGet();
            return Math.min(matches, CAP + 1L);
        }
    }

    @Test
    void exactUpToTheCapAndMoreThanBeyondIt() {
        // a full first page of 20: the count decides
        assertEquals(CAP - 1, PageView.cappedTotal(0, 20, 20, CAP, new Count(CAP - 1)));
        assertEquals(CAP, PageView.cappedTotal(0, 20, 20, CAP, new Count(CAP)), "exactly the cap is exact");
        assertEquals(CAP + 1, PageView.cappedTotal(0, 20, 20, CAP, new Count(CAP + 1)), "cap + 1 means more than the cap");
        assertEquals(CAP + 1, PageView.cappedTotal(0, 20, 20, CAP, new Count(30_000)));
    }

    @Test
    void aShortPageIsItsOwnTotalWithoutACount() {
        Count count = new Count(7);
        assertEquals(7, PageView.cappedTotal(0, 20, 7, CAP, count));
        assertEquals(47, PageView.cappedTotal(40, 20, 7, CAP, count));
        assertEquals(0, PageView.cappedTotal(0, 20, 0, CAP, count), "an empty list");
        assertEquals(0, count.runs.get(), "no count for a short page");
        // a last page at exactly the page size is full: it counts
        Count full = new Count(40);
        assertEquals(40, PageView.cappedTotal(20, 20, 20, CAP, full));
        assertEquals(1, full.runs.get());
    }

    @Test
    void anEmptyPagePastTheEndCountsAndEveryPageBeyondTheCapSaysMoreThan() {
        Count count = new Count(45);
        assertEquals(45, PageView.cappedTotal(100, 20, 0, CAP, count), "the end is not where the page is");
        assertEquals(1, count.runs.get());
        assertEquals(CAP + 1, PageView.cappedTotal(CAP, 20, 5, CAP, new Count(CAP + 5)),
                "a short last page beyond the cap says 'more than' like the others");
        assertEquals(CAP + 1, PageView.cappedTotal(1200, 20, 20, CAP, new Count(CAP + 1)));
    }

    @Test
    void aFullPageOffersTheNextUpToTheFurthestOffset() {
        PageView<Integer> full = new PageView<>(Collections.nCopies(20, 1), 3, 20, CAP + 1);
        assertTrue(full.full());
        assertFalse(new PageView<>(Collections.nCopies(19, 1), 3, 20, CAP + 1).full());
        int last = PageView.MAX_OFFSET / 20;
        assertFalse(new PageView<>(Collections.nCopies(20, 1), last, 20, CAP + 1).full(), "nobody pages past 10 000 rows");
    }
}
