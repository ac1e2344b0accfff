package io.investcrm.matching;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
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
 * serves as the change log's read model without other features having to write to it.
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
    public boolean claimRebuild(long versionId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO company_match_state"
                        + " (plan_version_id, state, total, done, swept_to, started_at) VALUES (?, 'REBUILDING',"
                        + " (SELECT COUNT(*) FROM company WHERE survivor_id IS NULL), 0, ?, ?)")) {
            LocalDateTime now = clock.now();
            ps.setLong(1, versionId);
            ps.setTimestamp(2, Timestamp.valueOf(now));
            ps.setTimestamp(3, Timestamp.valueOf(now));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim the matching rebuild", e);
        }
    }

    /** Scores the next batch of companies after {@code afterId}; returns the last id scored, or -1 at the end. */
    @Transactional
    public long rebuildBatch(long versionId, MatchingEngine engine, long afterId) {
        List<Scored> batch = load("c.id > ? ORDER BY c.id LIMIT " + BATCH, afterId, null);
        if (batch.isEmpty()) {
            return -1;
        }
        write(versionId, engine, batch);
        update("UPDATE company_match_state SET done = done + ? WHERE plan_version_id = ?", batch.size(), versionId);
        return batch.get(batch.size() - 1).id();
    }

    @Transactional
    public void finishRebuild(long versionId) {
        update("UPDATE company_match_state SET state = 'READY', finished_at = ?, done = total WHERE plan_version_id = ?",
                Timestamp.valueOf(clock.now()), versionId);
        // the scores of versions no longer active are not read again
        update("DELETE FROM company_match WHERE plan_version_id <> ?", versionId);
        update("DELETE FROM company_match_state WHERE plan_version_id <> ?", versionId);
    }

    /**
     * Re-scores the companies changed since the version's {@code swept_to} (a batch at a time) and moves it on;
     * cheap when nothing changed (one range read of {@code ix_company_updated}). Returns how many were re-scored.
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

    private void write(long versionId, MatchingEngine engine, List<Scored> batch) {
        try (Connection c = dataSource.getConnection()) {
            String ids = String.join(",", batch.stream().map(s -> Long.toString(s.id())).toList());
            try (PreparedStatement del = c.prepareStatement("DELETE FROM company_match WHERE plan_version_id = ?"
                    + " AND company_id IN (" + ids + ")")) {
                del.setLong(1, versionId);
                del.executeUpdate();
            }
            record Row(String kind, String code, long companyId, BigDecimal score) {
            }
            List<Row> rows = new ArrayList<>();
            for (Scored s : batch) {
                if (s.profile() == null) {
                    continue;
                }
                for (MatchResult r : engine.match(s.profile())) {
                    String kind = r.type() == ResultType.ZONE ? "Z" : r.type() == ResultType.SECTION ? "S" : null;
                    if (kind != null) {
                        rows.add(new Row(kind, r.code(), s.id(),
                                BigDecimal.valueOf(Math.min(100, r.score())).setScale(2, RoundingMode.HALF_UP)));
                    }
                }
            }
            // multi-row INSERTs: one round trip per 1 000 rows whatever the driver's batching settings
            for (int from = 0; from < rows.size(); from += 1000) {
                List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
                String values = String.join(",", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?)"));
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
            } else {
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

    private void update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update match scores", e);
        }
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

}
