package io.investcrm.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one source of "now". Business days are counted in Shenzhen time; timestamps are stored in UTC.
 * Tests move it forward to see reminders fire and prospects go stale.
 */
@ApplicationScoped
public class AppClock {

    public static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

    private volatile Clock clock = Clock.systemUTC();

    public Instant instant() {
        return clock.instant();
    }

    /** Stored timestamps: UTC wall time, matching {@code quarkus.hibernate-orm.jdbc.timezone=UTC}. */
    public LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), OFFICE_ZONE);
    }

    public void set(Clock clock) {
        this.clock = clock;
    }

    public void reset() {
        this.clock = Clock.systemUTC();
    }
}
