package io.investcrm.dashboard;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.investcrm.core.FiguresVersions;
import io.investcrm.pipeline.Stage;

/**
 * Every active pursuit's funnel facts in memory, brought up to date on each use from the pipeline's change rows
 * (issue 14). Under the mixed load a visit or a stage move commits several times a second, so nearly every dashboard
 * request found a new version and computed the funnel again: a statement reading all ~24 000 active pursuits (12 ms
 * alone, 120–175 ms under the load). V022 names the pursuit each change row concerns, so only the pursuits changed
 * since the last use are read again (one statement by primary key); a change row without a subject (a firm's name or
 * zone, a pruning of the change log) or more than {@value #MAX_CHANGED} changed pursuits read them all again. Reads
 * are not in a transaction, each sees what is committed when it runs, and the change rows are read before the
 * pursuits: the facts are at least as new as the version the dashboard is kept under (figures stay live).
 */
@ApplicationScoped
class PipelineFacts {

    /**
     * What the funnel, the traffic lights and the upcoming landings read of one active pursuit, with its two times also
     * in {@link DashboardService#epochNanos} (converted once per read, not once per dashboard; 0 for a null time).
     */
    record Fact(long id, long companyId, String company, Stage stage, LocalDateTime stageEnteredAt,
            LocalDateTime lastProgressAt, String team, String owner, LocalDate expectedLanding, Integer probabilityOverride,
            long stageEnteredNanos, long lastProgressNanos) {

        Fact(long id, long companyId, String company, Stage stage, LocalDateTime stageEnteredAt, LocalDateTime lastProgressAt,
                String team, String owner, LocalDate expectedLanding, Integer probabilityOverride) {
            this(id, companyId, company, stage, stageEnteredAt, lastProgressAt, team, owner, expectedLanding, probabilityOverride,
                    stageEnteredAt == null ? 0 : DashboardService.epochNanos(stageEnteredAt),
                    lastProgressAt == null ? 0 : DashboardService.epochNanos(lastProgressAt));
        }
    }

    /** Beyond this many pursuits changed since the last use, all are read again (one scan instead of a long IN list). */
    static final int MAX_CHANGED = 500;

    private static final String SELECT = "SELECT p.id, p.company_id, COALESCE(c.name_zh, c.name_en), p.stage, "
            + "p.stage_entered_at, p.last_progress_at, p.team_code, p.owner, p.expected_landing_date, p.probability_override "
            + "FROM prospect p JOIN company c ON c.id = p.company_id WHERE p.status = 'ACTIVE'";

    @Inject
    EntityManager em;

    @Inject
    FiguresVersions versions;

    /** A pursuit's facts as read by the read numbered {@code read}; {@code fact} null: no longer active. */
    private record Read(long read, Fact fact) {
    }

    /** Numbers the reads: a fact is replaced only by a later read of it (reads run concurrently). */
    private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
    /** Held by the one thread reading all pursuits again. */
    private final Object fullRead = new Object();
    /** Guarded by this; null until first read. */
    private Map<Long, Read> facts;
    /** The change rows the facts include; guarded by this. */
    private FiguresVersions.Seen seen = FiguresVersions.Seen.NONE;

    /**
     * Brings the facts up to date and hands the active ones to {@code use} (under this object's lock: {@code use} must
     * only read them, quickly). The database is read outside the lock, so concurrent dashboards do not queue behind
     * one another's reads (under the mixed load they did, for seconds); a fact read later replaces one read earlier,
     * never the reverse. A failed read changes nothing, so the next use reads the same pursuits again.
     */
    <T> T withCurrent(Function<Collection<Fact>, T> use) {
        FiguresVersions.Changes changes = versions.changes(FiguresVersions.PIPELINE);
        Set<Long> changed = changed(changes);
        if (changed == null) {
            // one full read at a time (~8 MB of facts each): under the mixed load every dashboard in flight after a
            // pruning read them all at once and the heap ran out; the others wait, and then only read what is left
            synchronized (fullRead) {
                changed = changed(changes);
                if (changed == null) {
                    return update(changes, null, use);
                }
            }
        }
        return update(changes, changed, use);
    }

    /** The pursuits changed since the facts were read; null when all must be read again. */
    private synchronized Set<Long> changed(FiguresVersions.Changes changes) {
        Set<Long> changed = facts == null ? null : changes.subjectsSince(seen);
        return changed == null || changed.size() > MAX_CHANGED ? null : changed;
    }

    /** Reads the changed pursuits (null: all), merges them and hands the active facts to {@code use}. */
    private <T> T update(FiguresVersions.Changes changes, Set<Long> changed, Function<Collection<Fact>, T> use) {
        long read = reads.incrementAndGet();
        Map<Long, Read> got = new HashMap<>();
        if (changed == null) {
            for (Fact f : read(SELECT, null)) {
                got.put(f.id(), new Read(read, f));
            }
        } else if (!changed.isEmpty()) {
            // a pursuit no longer active (lost, on hold, deleted) is not read back: it leaves the facts
            changed.forEach(id -> got.put(id, new Read(read, null)));
            for (Fact f : read(SELECT + " AND p.id IN (:ids)", changed)) {
                got.put(f.id(), new Read(read, f));
            }
        }
        synchronized (this) {
            if (changed == null) {
                // all read again: what is not in the read has left, unless a later read saw it since
                Map<Long, Read> all = new HashMap<>(got);
                if (facts != null) {
                    facts.forEach((id, r) -> {
                        if (r.read() > read) {
                            all.put(id, r);
                        }
                    });
                }
                facts = all;
            } else {
                got.forEach((id, r) -> facts.merge(id, r, (old, now) -> now.read() > old.read() ? now : old));
            }
            seen = changes.seen();
            List<Fact> active = new java.util.ArrayList<>(facts.size());
            for (Read r : facts.values()) {
                if (r.fact() != null) {
                    active.add(r.fact());
                }
            }
            return use.apply(active);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Fact> read(String sql, Set<Long> ids) {
        var q = em.createNativeQuery(sql);
        if (ids != null) {
            q.setParameter("ids", ids);
        }
        return ((List<Object[]>) q.getResultList()).stream().map(r -> new Fact(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], Stage.valueOf((String) r[3]), DashboardService.dateTime(r[4]),
                DashboardService.dateTime(r[5]), (String) r[6], (String) r[7], DashboardService.date(r[8]),
                r[9] == null ? null : ((Number) r[9]).intValue())).toList();
    }
}
