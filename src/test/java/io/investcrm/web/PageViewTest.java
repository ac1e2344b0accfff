package io.investcrm.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageViewTest {

    @Test
    void defaultsAndBounds() {
        assertArrayEquals(new int[] { 0, 20 }, PageView.clamp(null, null));
        assertArrayEquals(new int[] { 0, 20 }, PageView.clamp(-3, 0));
        assertArrayEquals(new int[] { 2, 200 }, PageView.clamp(2, 5000));
    }

    @Test
    void aHugePageStopsAtTheFurthestOffsetAndNeverOverflows() {
        int[] ps = PageView.clamp(Integer.MAX_VALUE, 200);
        assertTrue((long) ps[0] * ps[1] <= PageView.MAX_OFFSET, "offset " + (long) ps[0] * ps[1]);
        assertTrue(ps[0] * ps[1] >= 0);
        assertArrayEquals(new int[] { 500, 20 }, PageView.clamp(1_000_000, 20));
    }
}
