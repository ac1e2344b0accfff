package io.investcrm.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;

import io.investcrm.matching.engine.MatchProfile;
import io.investcrm.matching.engine.MatchResult;
import io.investcrm.matching.engine.MatchingEngine;
import io.investcrm.matching.engine.ResultType;
import io.investcrm.plan.model.PresenceKind;
import io.investcrm.core.AppClock;

/**
 * The stored zone and section scores ({@code company_match}, V012): one batch of companies scored and written at a
 * time, in its own transaction. A rebuild walks the whole register by id; a sweep re-scores the companies changed
 * since the version's {@code swept_to} (every company write sets {@code company.updated_at}, indexed), so the table
 * serves as the change log's read model without other features having to write to it. With each company's scores
 * go its ranked results with their explanations ({@code company_match_result}, V018); the gap view's figures
 * ({@code company_match_count}) follow the scores by trigger.
 */
@ApplicationScoped
public class MatchStore {

    static final int BATCH = 500;

    @Inject
    DataSource dataSource;

    @Inject
    AppClock clock;

    /** A company to score: id, its last change and its profile. */
    record Scored(long id, LocalDateTime updatedAt, MatchProfile profile) {
    }

    public MatchStateView state(long versionId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT state, total, done, swept_to, started_at, finished_at"
                        + " FROM company_match_state WHERE plan_version_id = ?")) {
            ps.setLong(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new MatchStateView(versionId, rs.getString(1), rs.getInt(2), rs.getInt(3), time(rs.getTimestamp(4)),
                        time(rs.getTimestamp(5)), time(rs.getTimestamp(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the matching state", e);
        }
    }

    /**
     * Claims the rebuild of a version: true for the one caller (of any instance) that created its state row. The
     * sweep then covers every change from this moment, the rebuild everything before it.
     */
    @Transactional
    public boolean claimRebuild(long versionId, String instance) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO company_match_state"
                        + " (plan_version_id, state, total, done, swept_to, started_at, claimed_by, heartbeat_at, resume_after)"
                        + " VALUES (?, 'REBUILDING', (SELECT COUNT(*) FROM company WHERE survivor_id IS NULL), 0, ?, ?, ?, ?, 0)")) {
            Timestamp now = Timestamp.valueOf(clock.now());
            ps.setLong(1, versionId);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            ps.setString(4, instance);
            ps.setTimestamp(5, now);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim the matching rebuild", e);
        }
    }

    /**
     * Takes over a rebuild left unfinished (its instance was killed, or stopped before the end): a conditional UPDATE
     * that only one instance wins, and only once the heartbeat is older than {@code staleAfter}. Returns the id after
     * which to go on, or -1 when there is nothing to take over.
     */
    @Transactional
    public long takeOverRebuild(long versionId, String instance, Duration staleAfter) {
        LocalDateTime now = clock.now();
        int won = update("UPDATE company_match_state SET claimed_by = ?, heartbeat_at = ? WHERE plan_version_id = ?"
                + " AND state = 'REBUILDING' AND (heartbeat_at IS NULL OR heartbeat_at < ?)",
                instance, Timestamp.valueOf(now), versionId, Timestamp.valueOf(now.minus(staleAfter)));
        if (won != 1) {
            return -1;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT resume_after FROM company_match_state WHERE plan_version_id = ?")) {
            ps.setLong(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the matching rebuild", e);
        }
    }

    /**
     * Scores the next batch of companies after {@code afterId}; returns the last id scored, or -1 at the end. The
     * batch, the progress and the heartbeat commit together, and only while {@code instance} still holds the
     * claim: an instance that lost it (taken over as stale) rolls back instead of writing over the new owner.
     */
    @Transactional
    public long rebuildBatch(long versionId, MatchingEngine engine, long afterId, String instance) {
        List<Scored> batch = load("c.id > ? ORDER BY c.id LIMIT " + BATCH, afterId, null);
        long last = batch.isEmpty() ? -1 : batch.get(batch.size() - 1).id();
        int held = update("UPDATE company_match_state SET done = LEAST(total, done + ?), resume_after = ?, heartbeat_at = ?"
                + " WHERE plan_version_id = ? AND claimed_by = ? AND state = 'REBUILDING'", batch.size(),
                Math.max(afterId, last), Timestamp.valueOf(clock.now()), versionId, instance);
        if (held != 1) {
            throw new RebuildLost(versionId);
        }
        if (batch.isEmpty()) {
            return -1;
        }
        write(versionId, engine, batch);
        return last;
    }

    /** The claim on a rebuild went to another instance. */
    static final class RebuildLost extends RuntimeException {
        RebuildLost(long versionId) {
            super("the rebuild of plan version " + versionId + " is claimed by another instance");
        }
    }

    @Transactional
    public void finishRebuild(long versionId, String instance) {
        int held = update("UPDATE company_match_state SET state = 'READY', finished_at = ?, done = total"
                + " WHERE plan_version_id = ? AND claimed_by = ? AND state = 'REBUILDING'",
                Timestamp.valueOf(clock.now()), versionId, instance);
        if (held != 1) {
            throw new RebuildLost(versionId);
        }
        // the scores of versions no longer active are not read again
        update("DELETE FROM company_match WHERE plan_version_id <> ?", versionId);
        update("DELETE FROM company_match_result WHERE plan_version_id <> ?", versionId);
        update("DELETE FROM company_match_count WHERE plan_version_id <> ?", versionId);
        update("DELETE FROM company_match_state WHERE plan_version_id <> ?", versionId);
    }

    /**
     * Re-scores the companies changed since the version's {@code swept_to} (a batch at a time) and moves it on;
     * cheap when nothing changed (one range read of {@code ix_company_updated}). Returns how many were re-scored.
     * Company writes re-score their company themselves ({@link #rescore}); the sweep is the safety net for writes
     * made around the services and for changes that raced a rebuild batch.
     */
    @Transactional
    public int sweep(long versionId, MatchingEngine engine) {
        MatchStateView state = state(versionId);
        if (state == null) {
            return 0;
        }
        List<Scored> changed = load("c.updated_at >= ? ORDER BY c.updated_at, c.id LIMIT " + BATCH, null,
                state.sweptTo());
        if (changed.isEmpty()) {
            return 0;
        }
        write(versionId, engine, changed);
        LocalDateTime last = changed.get(changed.size() - 1).updatedAt();
        if (changed.size() == BATCH && last.equals(state.sweptTo())) {
            // a batch of one instant: step past it rather than loop on it
            last = last.plusNanos(1000);
        }
        // >= swept_to re-reads the last instant's rows next time: cheap, and safe for changes committed late in it
        update("UPDATE company_match_state SET swept_to = ? WHERE plan_version_id = ? AND swept_to < ?",
                Timestamp.valueOf(last), versionId, Timestamp.valueOf(last));
        return changed.size();
    }

    /** Re-scores these companies in the caller's transaction (a company write): readable right after its commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rescore(long versionId, MatchingEngine engine, Collection<Long> companyIds) {
        if (companyIds.isEmpty()) {
            return;
        }
        String ids = String.join(",", companyIds.stream().map(id -> Long.toString(id)).toList());
        List<Scored> batch = load("c.id IN (" + ids + ") ORDER BY c.id", null, null);
        write(versionId, engine, batch);
    }

    /**
     * Makes the stored gap threshold the configured one; when it changed, recounts every version's figures from the
     * stored scores (in one transaction with the setting, so the triggers count with the new one from then on).
     */
    @Transactional
    public boolean useGapThreshold(double threshold) {
        BigDecimal wanted = BigDecimal.valueOf(threshold).setScale(2, RoundingMode.HALF_UP);
        if (update("UPDATE company_match_setting SET gap_threshold = ? WHERE id = 1 AND gap_threshold <> ?", wanted,
                wanted) == 0) {
            return false;
        }
        recount();
        return true;
    }

    /** Recounts the gap figures of every version from the stored scores and the prospects (the triggers' rule). */
    @Transactional
    public void recount() {
        update("DELETE FROM company_match_count");
        update(RECOUNT_SQL);
    }

    /** The figures the triggers keep, counted afresh: the test compares them with the table. */
    static final String RECOUNT_SQL = """
            INSERT INTO company_match_count (plan_version_id, kind, code, pursued, team_code, confidential, pooled, active, n)
            SELECT m.plan_version_id, m.kind, m.code, p.id IS NOT NULL, COALESCE(p.team_code, ''),
                   COALESCE(p.confidential, FALSE), p.owner IS NULL, COALESCE(p.status = 'ACTIVE', FALSE), COUNT(*)
            FROM company_match_setting s JOIN company_match m ON m.score >= s.gap_threshold
            LEFT JOIN prospect p ON p.company_id = m.company_id
            WHERE s.id = 1
            GROUP BY m.plan_version_id, m.kind, m.code, p.id IS NOT NULL, COALESCE(p.team_code, ''),
                     COALESCE(p.confidential, FALSE), p.owner IS NULL, COALESCE(p.status = 'ACTIVE', FALSE)""";

    /** A company's stored results of a version ({@link StoredMatch}), or null when there are none. */
    public List<StoredMatch> results(long versionId, long companyId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT results FROM company_match_result"
                        + " WHERE plan_version_id = ? AND company_id = ?")) {
            ps.setLong(1, versionId);
            ps.setLong(2, companyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? StoredMatch.read(rs.getBytes(1)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read match results", e);
        }
    }

    private void write(long versionId, MatchingEngine engine, List<Scored> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            String ids = String.join(",", batch.stream().map(s -> Long.toString(s.id())).toList());
            for (String table : List.of("company_match", "company_match_result")) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE plan_version_id = ?"
                        + " AND company_id IN (" + ids + ")")) {
                    del.setLong(1, versionId);
                    del.executeUpdate();
                }
            }
            record Row(String kind, String code, long companyId, BigDecimal score) {
            }
            List<Row> rows = new ArrayList<>();
            List<Object[]> results = new ArrayList<>();
            for (Scored s : batch) {
                if (s.profile() == null) {
                    continue;
                }
                List<MatchResult> matched = engine.match(s.profile());
                results.add(new Object[] { s.id(), StoredMatch.write(matched) });
                for (MatchResult r : matched) {
                    String kind = r.type() == ResultType.ZONE ? "Z" : r.type() == ResultType.SECTION ? "S" : null;
                    if (kind != null) {
                        rows.add(new Row(kind, r.code(), s.id(),
                                BigDecimal.valueOf(Math.min(100, r.score())).setScale(2, RoundingMode.HALF_UP)));
                    }
                }
            }
            // the triggers bump company_match_count rows: written in one order by every writer, two concurrent
            // writers wait for each other instead of deadlocking
            rows.sort(Comparator.comparing(Row::kind).thenComparing(Row::code).thenComparingLong(Row::companyId));
            // multi-row INSERTs: one round trip per 1 000 rows whatever the driver's batching settings
            for (int from = 0; from < rows.size(); from += 1000) {
                List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
                String values = String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?)"));
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO company_match"
                        + " (plan_version_id, kind, code, company_id, score) VALUES " + values)) {
                    int i = 1;
                    for (Row r : chunk) {
                        ins.setLong(i++, versionId);
                        ins.setString(i++, r.kind());
                        ins.setString(i++, r.code());
                        ins.setLong(i++, r.companyId());
                        ins.setBigDecimal(i++, r.score());
                    }
                    ins.executeUpdate();
                }
            }
            for (int from = 0; from < results.size(); from += 100) {
                List<Object[]> chunk = results.subList(from, Math.min(results.size(), from + 100));
                String values = String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?)"));
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO company_match_result"
                        + " (plan_version_id, company_id, results) VALUES " + values)) {
                    int i = 1;
                    for (Object[] r : chunk) {
                        ins.setLong(i++, versionId);
                        ins.setLong(i++, (Long) r[0]);
                        ins.setBytes(i++, (byte[]) r[1]);
                    }
                    ins.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write match scores", e);
        }
    }

    /** Live companies (merged-away ones get no scores: a null profile clears theirs) with what scoring needs. */
    private List<Scored> load(String where, Long afterId, LocalDateTime since) {
        String sql = "SELECT c.id, c.updated_at, c.survivor_id, c.presence_sought, c.business_activities,"
                + " c.space_need_sqm, c.preferred_zone FROM company c WHERE " + where;
        List<Scored> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (afterId != null) {
                ps.setLong(1, afterId);
            } else if (since != null) {
                ps.setTimestamp(1, Timestamp.valueOf(since));
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] { rs.getLong(1), time(rs.getTimestamp(2)), rs.getObject(3), rs.getString(4),
                            rs.getString(5), rs.getBigDecimal(6), rs.getString(7) });
                }
            }
            if (rows.isEmpty()) {
                return out;
            }
            Map<Long, List<String>> industries = new HashMap<>();
            String ids = String.join(",", rows.stream().map(r -> r[0].toString()).toList());
            try (PreparedStatement ind = c.prepareStatement("SELECT company_id, industry_code FROM company_industry"
                    + " WHERE company_id IN (" + ids + ")"); ResultSet rs = ind.executeQuery()) {
                while (rs.next()) {
                    industries.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            for (Object[] r : rows) {
                long id = (Long) r[0];
                MatchProfile profile = r[2] != null ? null
                        : new MatchProfile(industries.getOrDefault(id, List.of()), MatchProfile.activitiesOf((String) r[4]),
                                r[3] == null ? null : PresenceKind.valueOf((String) r[3]), List.of(),
                                r[5] == null ? null : ((BigDecimal) r[5]).doubleValue(), (String) r[6]);
                out.add(new Scored(id, (LocalDateTime) r[1], profile));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read companies to score", e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update match scores", e);
        }
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

}
