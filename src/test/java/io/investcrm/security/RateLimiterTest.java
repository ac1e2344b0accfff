package io.investcrm.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The sliding one-minute window per user and kind (issue 13, #12), on a clock the test moves. */
class RateLimiterTest {

    final AtomicLong now = new AtomicLong(1_000_000);
    final RateLimiter limiter = new RateLimiter(Map.of(RateLimiter.Kind.REVEAL, 3, RateLimiter.Kind.EXPORT, 1,
            RateLimiter.Kind.SCORING, 2), now::get);

    @Test
    void theLimitPerMinuteHoldsPerUserAndKindAndFreesAsTheWindowSlides() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.allow("officer1", RateLimiter.Kind.REVEAL));
            now.addAndGet(1_000);
        }
        assertFalse(limiter.allow("officer1", RateLimiter.Kind.REVEAL));
        assertTrue(limiter.allow("officer2", RateLimiter.Kind.REVEAL), "another user's budget is their own");
        assertTrue(limiter.allow("officer1", RateLimiter.Kind.EXPORT), "another kind's budget is its own");
        now.addAndGet(57_500); // 60.5 s after the first call: only that one left the window
        assertTrue(limiter.allow("officer1", RateLimiter.Kind.REVEAL), "the first call left the window");
        assertFalse(limiter.allow("officer1", RateLimiter.Kind.REVEAL));
    }

    @Test
    void thePathsThatAreLimited() {
        assertEquals(RateLimiter.Kind.REVEAL, RateLimiter.kindOf("/api/contacts/12/reveal"));
        assertEquals(RateLimiter.Kind.REVEAL, RateLimiter.kindOf("/contacts/12/reveal"));
        assertEquals(RateLimiter.Kind.EXPORT, RateLimiter.kindOf("/api/contacts/12/personal-data"));
        assertEquals(RateLimiter.Kind.SCORING, RateLimiter.kindOf("/api/zones/huaqiang-shangbu/candidates"));
        assertEquals(RateLimiter.Kind.SCORING, RateLimiter.kindOf("/plan/zones/huaqiang-shangbu"));
        assertNull(RateLimiter.kindOf("/api/contacts/12"));
    }
}
