package io.investcrm.activity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.investcrm.company.CompanyZoneChanged;
import io.investcrm.core.JdbcRows;

/**
 * Activities per officer and day and per officer and ISO week, kept in {@code activity_day_count} and
 * {@code activity_week_count} (V017) in the transaction of every write that changes them — an activity logged,
 * corrected or deleted, a merge moving its firm links, a firm's zone changed — so the managers' dashboard reads a few thousand counts instead of counting the activities of the period (issue 10).
 * Each change takes the affected activities' contribution out as it was and puts it back as it is, set-based, with a
 * conditional {@code INSERT … ON DUPLICATE KEY UPDATE n = n + …} (no locks taken beyond the rows written).
 */
@ApplicationScoped
public class ActivityCounts {

    /** The zone key of the row that holds every activity of an officer and day. */
    static final String EVERY_ZONE = "";

    /**
     * The counts recounted from the detail rows (zone, day, username, n), as V017 backfilled them: the kept rows with
     * {@code n <> 0} must always equal this (ActivityCountsTest); a bulk load fills the table with it.
     */
    public static final String RECOUNT = "SELECT '' AS zone_code, DATE(a.occurred_at) AS day, ao.username, COUNT(*) AS n "
            + "FROM activity a JOIN activity_officer ao ON ao.activity_id = a.id GROUP BY DATE(a.occurred_at), ao.username "
            + "UNION ALL SELECT c.preferred_zone, DATE(a.occurred_at), ao.username, COUNT(DISTINCT a.id) FROM activity a "
            + "JOIN activity_officer ao ON ao.activity_id = a.id JOIN activity_company ac ON ac.activity_id = a.id "
            + "JOIN company c ON c.id = ac.company_id WHERE c.preferred_zone IS NOT NULL AND c.preferred_zone <> '' "
            + "GROUP BY c.preferred_zone, DATE(a.occurred_at), ao.username";

    /** The week rows recounted from the detail rows (zone, week's Monday, username, n), as V017 backfilled them. */
    public static final String RECOUNT_WEEKS = "SELECT r.zone_code, FROM_DAYS(TO_DAYS(r.day) - WEEKDAY(r.day)) AS week, r.username, "
            + "SUM(r.n) AS n FROM (" + RECOUNT + ") r GROUP BY r.zone_code, FROM_DAYS(TO_DAYS(r.day) - WEEKDAY(r.day)), r.username";

    @Inject
    EntityManager em;

    /** Activities one officer took part in during one ISO week (its Monday), within the period asked for. */
    public record OfficerWeek(String officer, LocalDate weekStart, long count) {
    }

    /**
     * Counts per officer and ISO week between two days (both included), of one zone's firms or of all (zone null), of
     * one officer or of a team's officers (null: everyone). One statement: the weeks wholly inside the period from the
     * week rows, the days of its partial weeks (at its ends) from the day rows.
     */
    public List<OfficerWeek> perOfficerAndWeek(String zone, String officer, String team, LocalDate from, LocalDate to) {
        LocalDate firstMonday = from.getDayOfWeek() == DayOfWeek.MONDAY ? from : from.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate lastSunday = to.getDayOfWeek() == DayOfWeek.SUNDAY ? to : to.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
        boolean fullWeeks = !firstMonday.isAfter(lastSunday);
        String zoneKey = zone == null ? EVERY_ZONE : zone;
        List<Object> who = new ArrayList<>();
        String whoSql = (officer != null ? " AND username = ?" : "")
                + (team != null ? " AND username IN (SELECT u.username FROM app_user u WHERE u.team_code = ?)" : "");
        if (officer != null) {
            who.add(officer);
        }
        if (team != null) {
            who.add(team);
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        // the week's Monday is computed the same way on MySQL and MariaDB (YEARWEEK's modes are not), as a day number:
        // thousands of DATE values made the driver build a calendar each (issue 14)
        if (fullWeeks) {
            sql.append("SELECT username, TO_DAYS(week), n FROM activity_week_count WHERE zone_code = ? AND week >= ? "
                    + "AND week <= ? AND n <> 0").append(whoSql).append(" UNION ALL ");
            params.addAll(List.of(zoneKey, firstMonday, lastSunday));
            params.addAll(who);
        }
        sql.append("SELECT username, TO_DAYS(day) - WEEKDAY(day), SUM(n) FROM activity_day_count WHERE zone_code = ? AND ");
        params.add(zoneKey);
        if (fullWeeks) {
            sql.append("((day >= ? AND day < ?) OR (day > ? AND day <= ?))");
            params.addAll(List.of(from, firstMonday, lastSunday, to));
        } else {
            sql.append("day >= ? AND day <= ?");
            params.addAll(List.of(from, to));
        }
        sql.append(whoSql).append(" GROUP BY username, TO_DAYS(day) - WEEKDAY(day)");
        params.addAll(who);
        // thousands of rows: read straight from JDBC (JdbcRows)
        List<Object[]> rows = JdbcRows.list(em, sql.toString(), params,
                r -> new Object[] { r.getString(1), r.getLong(2), r.getLong(3) });
        // a week's whole rows and its days' rows add up in one cell
        Map<Cell, long[]> cells = new LinkedHashMap<>();
        for (Object[] r : rows) {
            cells.computeIfAbsent(new Cell((String) r[0], (Long) r[1]), c -> new long[1])[0] += (Long) r[2];
        }
        List<OfficerWeek> out = new ArrayList<>(cells.size());
        cells.forEach((c, n) -> {
            if (n[0] != 0) {
                out.add(new OfficerWeek(c.officer(), fromDays(c.toDays()), n[0]));
            }
        });
        return out;
    }

    /**
     * Adds the activities' contribution as the rows now stand (after a log or a correction; public for rows written in
     * bulk outside this feature's service, the demo data).
     */
    public void add(Collection<Long> activityIds) {
        change(1, activityIds, null, null);
    }

    /** Takes the activities' contribution out as the rows now stand (before a correction or a deletion). */
    void remove(Collection<Long> activityIds) {
        change(-1, activityIds, null, null);
    }

    /** A firm's preferred zone changes: its activities leave the old zone's rows and join the new one's. */
    void zoneChanged(@Observes CompanyZoneChanged e) {
        @SuppressWarnings("unchecked")
        List<Long> ids = ((List<Object>) em.createNativeQuery("SELECT activity_id FROM activity_company WHERE company_id = ?1")
                .setParameter(1, e.companyId()).getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
        if (ids.isEmpty()) {
            return;
        }
        change(-1, ids, e.companyId(), e.oldZone());
        change(1, ids, e.companyId(), e.newZone());
    }

    /**
     * Two statements (day rows, week rows): the activities' counts per day and officer (zone '') and per day, officer
     * and zone of their firms, times {@code sign}, added to the kept rows. {@code company}'s zone is taken as {@code zoneOfCompany} when given
     * (the firm's zone before or after a change, whatever the row holds at this moment).
     */
    private void change(int sign, Collection<Long> activityIds, Long company, String zoneOfCompany) {
        if (activityIds.isEmpty()) {
            return;
        }
        for (String sql : company == null ? UPSERTS : UPSERTS_ZONE_CHANGE) {
            Query q = em.createNativeQuery(sql).setParameter("sign", sign).setParameter("ids", activityIds);
            if (company != null) {
                q.setParameter("company", company).setParameter("zoneOfCompany", zoneOfCompany == null ? "" : zoneOfCompany);
            }
            q.executeUpdate();
        }
    }

    /** The two statements of {@link #change} as rows stand, built once (they run on every activity write). */
    private static final List<String> UPSERTS = upserts("c.preferred_zone");

    /** The same with {@code :company}'s zone taken as {@code :zoneOfCompany} (a firm's zone change). */
    private static final List<String> UPSERTS_ZONE_CHANGE = upserts(
            "CASE WHEN c.id = :company THEN :zoneOfCompany ELSE c.preferred_zone END");

    private static List<String> upserts(String zone) {
        String byDay = "SELECT '' AS z, DATE(a.occurred_at) AS d, ao.username AS u, :sign * COUNT(*) AS k FROM activity a "
                + "JOIN activity_officer ao ON ao.activity_id = a.id WHERE a.id IN (:ids) GROUP BY DATE(a.occurred_at), ao.username "
                // grouped by the derived columns: a parameter in a grouped expression is not "the same expression" to
                // MySQL's ONLY_FULL_GROUP_BY
                + "UNION ALL SELECT r.z, r.d, r.u, :sign * COUNT(DISTINCT r.id) FROM (SELECT " + zone + " AS z, "
                + "DATE(a.occurred_at) AS d, ao.username AS u, a.id FROM activity a JOIN activity_officer ao ON ao.activity_id = a.id "
                + "JOIN activity_company ac ON ac.activity_id = a.id JOIN company c ON c.id = ac.company_id WHERE a.id IN (:ids)) r "
                + "WHERE COALESCE(r.z, '') <> '' GROUP BY r.z, r.d, r.u";
        // the same contribution by day and by week (several days of one week add up on the week's row)
        return List.of("INSERT INTO activity_day_count (zone_code, day, username, n) SELECT * FROM (" + byDay
                + ") x ON DUPLICATE KEY UPDATE n = n + VALUES(n)", "INSERT INTO activity_week_count (zone_code, week, username, n) "
                + "SELECT x.z, FROM_DAYS(TO_DAYS(x.d) - WEEKDAY(x.d)), x.u, x.k FROM (" + byDay + ") x "
                + "ON DUPLICATE KEY UPDATE n = n + VALUES(n)");
    }

    /** An officer and a week's Monday as the database's day number ({@code TO_DAYS}). */
    private record Cell(String officer, long toDays) {
    }

    /** {@code TO_DAYS('1970-01-01')}: the database's day number of the JDK's epoch day 0. */
    private static final long TO_DAYS_EPOCH = 719_528;

    private static LocalDate fromDays(long toDays) {
        return LocalDate.ofEpochDay(toDays - TO_DAYS_EPOCH);
    }
}
