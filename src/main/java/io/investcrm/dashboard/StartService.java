package io.investcrm.dashboard;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.investcrm.pipeline.PipelineConfig;
import io.investcrm.core.AppClock;

/** An officer's day (issue 10): overdue and coming follow-ups, stale pursuits — two read-only statements. */
@ApplicationScoped
public class StartService {

    /** Follow-ups due within this many days are "coming". */
    static final int COMING_DAYS = 7;

    @Inject
    EntityManager em;

    @Inject
    AppClock clock;

    @Inject
    PipelineConfig pipeline;

    public record Task(long id, String title, LocalDate dueOn, Long companyId, String company, boolean overdue) {
    }

    public record Pursuit(long prospectId, String company, String stage, LocalDate lastProgress, boolean red) {
    }

    public record OfficerDay(List<Task> overdue, List<Task> coming, List<Pursuit> stale) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public OfficerDay officerDay(String username) {
        LocalDate today = clock.today();
        List<Task> overdue = new ArrayList<>();
        List<Task> coming = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT f.id, f.title, f.due_on, f.company_id, "
                + "COALESCE(c.name_zh, c.name_en) FROM follow_up f LEFT JOIN company c ON c.id = f.company_id "
                + "WHERE f.assignee = ?1 AND f.done_at IS NULL AND f.due_on <= ?2 ORDER BY f.due_on, f.id")
                .setParameter(1, username).setParameter(2, today.plusDays(COMING_DAYS)).setMaxResults(100).getResultList()) {
            LocalDate due = date(r[2]);
            Task t = new Task(((Number) r[0]).longValue(), (String) r[1], due, r[3] == null ? null : ((Number) r[3]).longValue(),
                    (String) r[4], due.isBefore(today));
            (t.overdue() ? overdue : coming).add(t);
        }
        List<Pursuit> stale = new ArrayList<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT p.id, COALESCE(c.name_zh, c.name_en), p.stage, "
                + "p.last_progress_at FROM prospect p JOIN company c ON c.id = p.company_id WHERE p.owner = ?1 AND "
                + "p.status = 'ACTIVE' AND p.stage <> 'LANDED' AND p.last_progress_at <= ?2 ORDER BY p.last_progress_at")
                .setParameter(1, username).setParameter(2, clock.now().minusDays(pipeline.staleYellowDays()))
                .setMaxResults(50).getResultList()) {
            LocalDate last = dateTime(r[3]).toLocalDate();
            stale.add(new Pursuit(((Number) r[0]).longValue(), (String) r[1], (String) r[2], last,
                    !last.isAfter(today.minusDays(pipeline.staleRedDays()))));
        }
        return new OfficerDay(overdue, coming, stale);
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static LocalDateTime dateTime(Object o) {
        return o == null ? null : o instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) o;
    }
}
