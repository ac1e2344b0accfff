package io.investcrm.activity;

import static io.investcrm.core.Text.trimOrNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.investcrm.audit.AuditEvent;
import io.investcrm.audit.AuditService;
import io.investcrm.company.Company;
import io.investcrm.company.CompanyNames;
import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.core.Invalid;
import io.investcrm.pipeline.ProspectService;
import io.investcrm.pipeline.ProspectView;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.UserDirectory;
import io.investcrm.security.Visibility;
import io.investcrm.web.FormValidator;
import io.investcrm.web.Messages;

/**
 * The contact and visit log: logging activities with their follow-ups, my tasks, my notifications, and the company
 * timeline (activities and pipeline history in one stream). Owns the transactions.
 */
@ApplicationScoped
public class ActivityService {

    public static final String AUDIT_TYPE = "activity";
    /** Logging ahead of time is a plan, not a log: allow only a little clock skew into the future. */
    static final int FUTURE_SLACK_MINUTES = 10;

    @Inject
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    UserDirectory users;

    @Inject
    Visibility visibility;

    @Inject
    ProspectService prospects;

    @Inject
    FormValidator validator;

    @Inject
    AppClock clock;

    @Inject
    CompanyNames companyNames;

    @Inject
    AuditService audit;

    @Inject
    ActivityConfig config;

    @Inject
    ActivityCounts counts;

    @Inject
    @Any
    Instance<TimelineSource> sources;

    /** Logs an activity and its follow-ups; it counts as activity and progress on each firm's prospect. */
    @Transactional
    public ActivityView log(ActivityForm form) {
        if (form == null) {
            throw Invalid.request("request.empty");
        }
        LocalDateTime now = clock.now();
        LocalDate today = clock.today();
        String me = currentUser.username();
        validator.validate(form, check(form, now, today));
        Activity a = new Activity();
        a.kind = form.kind();
        a.occurredAt = form.occurredAt() == null ? now : form.occurredAt();
        a.place = trimOrNull(form.place());
        a.summary = form.summary().trim();
        a.outcome = trimOrNull(form.outcome());
        a.nextStep = trimOrNull(form.nextStep());
        a.companyIds.addAll(new LinkedHashSet<>(form.companyIds()));
        if (form.contactIds() != null) {
            a.contactIds.addAll(form.contactIds());
        }
        a.officers.add(me);
        if (form.officers() != null) {
            form.officers().stream().filter(o -> o != null && !o.isBlank()).map(String::trim).forEach(a.officers::add);
        }
        a.createdBy = me;
        a.createdAt = now;
        a.persist();
        em.flush();
        counts.add(List.of(a.id));
        Long firstCompany = a.companyIds.iterator().next();
        List<FollowUp> tasks = new ArrayList<>();
        if (form.followUps() != null) {
            for (ActivityForm.FollowUpForm f : form.followUps()) {
                FollowUp task = new FollowUp();
                task.activityId = a.id;
                task.companyId = firstCompany;
                task.title = f.title().trim();
                task.assignee = f.assignee() == null || f.assignee().isBlank() ? me : f.assignee().trim();
                task.dueOn = f.dueOn();
                task.createdBy = me;
                task.createdAt = now;
                task.persist();
                tasks.add(task);
            }
        }
        for (Long companyId : a.companyIds) {
            prospects.recordActivity(companyId, a.occurredAt);
        }
        // the follow-ups just written, not read back (issue 14: a visit's round trips wait for a core under load)
        return view(a, tasks);
    }

    /**
     * Corrects a logged activity (a typo in a visit log must not stay for ever, issue 15): the author, managers and
     * admins may; a stale {@code version} → 409; every changed field goes into the audit trail in this transaction.
     */
    @Transactional
    public ActivityView correct(long id, ActivityEditForm form) {
        if (form == null) {
            throw Invalid.request("request.empty");
        }
        Activity a = correctable(id);
        if (form.version() == null || form.version() != a.version) {
            throw DomainException.conflict("conflict.stale");
        }
        validator.validate(form, check(form.asLog(), clock.now(), clock.today()));
        Map<String, String> before = snapshot(a);
        Set<Long> oldCompanies = new LinkedHashSet<>(a.companyIds);
        // the day, officers and firms may all change: its counts go out as they were and come back as they are
        counts.remove(List.of(a.id));
        a.kind = form.kind();
        a.occurredAt = form.occurredAt();
        a.place = trimOrNull(form.place());
        a.summary = form.summary().trim();
        a.outcome = trimOrNull(form.outcome());
        a.nextStep = trimOrNull(form.nextStep());
        a.companyIds.clear();
        a.companyIds.addAll(new LinkedHashSet<>(form.companyIds()));
        a.contactIds.clear();
        if (form.contactIds() != null) {
            a.contactIds.addAll(form.contactIds());
        }
        a.officers.clear();
        a.officers.add(a.createdBy);
        if (form.officers() != null) {
            form.officers().stream().filter(o -> o != null && !o.isBlank()).map(String::trim).forEach(a.officers::add);
        }
        a.updatedAt = clock.now();
        a.updatedBy = currentUser.username();
        audit.record(AUDIT_TYPE, a.id, "update", a.kind.name(), AuditService.diff(before, snapshot(a)));
        for (Long companyId : a.companyIds) {
            if (!oldCompanies.contains(companyId)) {
                prospects.recordActivity(companyId, a.occurredAt);
            }
        }
        em.flush();
        counts.add(List.of(a.id));
        return view(a);
    }

    /**
     * Deletes a mistaken entry within the grace period ({@code investcrm.activity.delete-grace}); afterwards 409. Its
     * open follow-ups go with it, finished ones stay (unlinked); the audit row keeps every field it had.
     */
    @Transactional
    public void delete(long id, Integer version) {
        Activity a = correctable(id);
        if (version != null && version != a.version) {
            throw DomainException.conflict("conflict.stale");
        }
        a.checkDeletable(clock.now(), config.deleteGrace());
        counts.remove(List.of(a.id));
        Map<String, String> before = snapshot(a);
        Map<String, String> after = new java.util.LinkedHashMap<>();
        before.keySet().forEach(k -> after.put(k, null));
        audit.record(AUDIT_TYPE, a.id, "delete", a.kind.name(), AuditService.diff(before, after));
        FollowUp.delete("activityId = ?1 and doneAt is null", a.id);
        FollowUp.update("activityId = null where activityId = ?1", a.id);
        a.delete();
    }

    /** The audit trail of one activity, newest first; whoever sees the activity sees its history. */
    public List<AuditEvent> history(long id) {
        Activity a = Activity.findById(id);
        if (a == null) {
            // a deleted activity's history stays with the managers
            if (!currentUser.seesAll() || audit.history(AUDIT_TYPE, id).isEmpty()) {
                throw DomainException.notFound("activity", id);
            }
        } else if (!canSee(a)) {
            throw DomainException.notFound("activity", id);
        }
        return audit.history(AUDIT_TYPE, id);
    }

    /** The activity if the caller may correct it: unknown or hidden → 404, visible but not theirs → 403. */
    private Activity correctable(long id) {
        Activity a = Activity.findById(id);
        if (a == null || !canSee(a)) {
            throw DomainException.notFound("activity", id);
        }
        if (!a.correctableBy(currentUser.username(), currentUser.seesAll())) {
            throw DomainException.forbidden("activity.not-yours");
        }
        return a;
    }

    /** The audited fields, as text (ids in order). */
    private static Map<String, String> snapshot(Activity a) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("kind", a.kind.name());
        m.put("occurredAt", a.occurredAt == null ? null : a.occurredAt.toString());
        m.put("place", a.place);
        m.put("summary", a.summary);
        m.put("outcome", a.outcome);
        m.put("nextStep", a.nextStep);
        m.put("companyIds", join(a.companyIds));
        m.put("contactIds", join(a.contactIds));
        m.put("officers", String.join(",", new java.util.TreeSet<>(a.officers)));
        return m;
    }

    private static String join(Set<Long> ids) {
        return ids.stream().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * A follow-up another feature owes a company (e.g. an offer's subsidy condition to check once the firm landed), with no
     * activity behind it; joins the caller's transaction. Reminded and escalated like any other. Returns its id.
     */
    @Transactional
    public long scheduleFollowUp(long companyId, String title, String assignee, LocalDate dueOn, String createdBy) {
        FollowUp task = new FollowUp();
        task.companyId = companyId;
        task.title = title.length() > 500 ? title.substring(0, 499) + "…" : title;
        task.assignee = assignee;
        task.dueOn = dueOn;
        task.createdBy = createdBy;
        task.createdAt = clock.now();
        task.persist();
        return task.id;
    }

    private List<FieldError> check(ActivityForm form, LocalDateTime now, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (form.occurredAt() != null && form.occurredAt().isAfter(now.plusMinutes(FUTURE_SLACK_MINUTES))) {
            errors.add(new FieldError("occurredAt", "activity.occurred-at.future"));
        }
        List<Long> companies = form.companyIds() == null ? List.of() : form.companyIds();
        for (Long id : companies) {
            // a hidden company reads like an unknown one: its existence is not revealed
            if (id == null || !companyNames.exists(id) || !visibility.canSee(id)) {
                errors.add(new FieldError("companyIds", "activity.company.unknown", String.valueOf(id)));
            }
        }
        if (form.contactIds() != null && !form.contactIds().isEmpty()) {
            // a contact must belong to one of the firms met (the contacts feature owns the table; we only read ids)
            long known = companies.isEmpty() ? 0 : ((Number) em.createNativeQuery(
                    "SELECT COUNT(*) FROM contact WHERE id IN (:ids) AND company_id IN (:companies) AND erased_at IS NULL")
                    .setParameter("ids", form.contactIds()).setParameter("companies", companies).getSingleResult()).longValue();
            if (known != new LinkedHashSet<>(form.contactIds()).size()) {
                errors.add(new FieldError("contactIds", "activity.contact.unknown"));
            }
        }
        if (form.officers() != null) {
            for (String o : form.officers()) {
                if (o != null && !o.isBlank() && users.find(o.trim()).isEmpty()) {
                    errors.add(new FieldError("officers", "activity.officer.unknown", o));
                }
            }
        }
        if (form.followUps() != null) {
            for (int i = 0; i < form.followUps().size(); i++) {
                ActivityForm.FollowUpForm f = form.followUps().get(i);
                if (f == null) {
                    continue;
                }
                if (f.assignee() != null && !f.assignee().isBlank() && users.find(f.assignee().trim()).isEmpty()) {
                    errors.add(new FieldError("followUps[" + i + "].assignee", "activity.officer.unknown", f.assignee()));
                }
                if (f.dueOn() != null && f.dueOn().isBefore(today)) {
                    errors.add(new FieldError("followUps[" + i + "].dueOn", "activity.follow-up.due-past"));
                }
            }
        }
        return errors;
    }

    /** Visible when one of its firms is, or when the caller logged it or was present. */
    public ActivityView get(long id) {
        Activity a = Activity.findById(id);
        if (a == null || !canSee(a)) {
            throw DomainException.notFound("activity", id);
        }
        return view(a);
    }

    boolean canSee(Activity a) {
        String me = currentUser.username();
        return me.equals(a.createdBy) || a.officers.contains(me) || a.companyIds.stream().anyMatch(visibility::canSee);
    }

    /** The caller's open tasks: all, overdue, or due in the coming seven days (today included). */
    public List<FollowUpView> myTasks(String due) {
        LocalDate today = clock.today();
        String where = "assignee = ?1 and doneAt is null";
        List<FollowUp> rows;
        if (due == null || due.isBlank() || "open".equals(due)) {
            rows = FollowUp.list(where + " order by dueOn, id", currentUser.username());
        } else if ("overdue".equals(due)) {
            rows = FollowUp.list(where + " and dueOn < ?2 order by dueOn, id", currentUser.username(), today);
        } else if ("week".equals(due)) {
            rows = FollowUp.list(where + " and dueOn >= ?2 and dueOn <= ?3 order by dueOn, id", currentUser.username(),
                    today, today.plusDays(6));
        } else {
            throw Invalid.request("task.due.invalid", due);
        }
        return taskViews(rows, today);
    }

    /** Done by its assignee, its creator or a manager; others who may see it get 403, the rest 404. */
    @Transactional
    public FollowUpView complete(long id) {
        FollowUp f = FollowUp.findById(id);
        String me = currentUser.username();
        boolean mine = me.equals(f == null ? null : f.assignee) || me.equals(f == null ? null : f.createdBy);
        if (f == null || !(mine || currentUser.seesAll() || (f.companyId != null && visibility.canSee(f.companyId)))) {
            throw DomainException.notFound("task", id);
        }
        if (!mine && !currentUser.seesAll()) {
            throw DomainException.forbidden("task.not-yours");
        }
        f.complete(clock.now());
        return taskViews(List.of(f), clock.today()).get(0);
    }

    public List<NotificationView> myNotifications(Locale locale) {
        List<Notification> rows = Notification.find("recipient = ?1 order by createdAt desc, id desc", currentUser.username())
                .page(0, 100).list();
        return rows.stream().map(n -> new NotificationView(n.id, n.kind, Messages.format(locale, n.messageKey, n.argArray()),
                n.link, n.createdAt, n.readAt != null)).toList();
    }

    public long unreadCount() {
        return Notification.count("recipient = ?1 and readAt is null", currentUser.username());
    }

    /** Marks every unread notification of the caller read (the header badge then goes). */
    @Transactional
    public int markAllRead() {
        return Notification.update("readAt = ?1 where recipient = ?2 and readAt is null", clock.now(), currentUser.username());
    }

    @Transactional
    public void markRead(long id) {
        Notification n = Notification.findById(id);
        if (n == null || !n.recipient.equals(currentUser.username())) {
            throw DomainException.notFound("notification", id);
        }
        if (n.readAt == null) {
            n.readAt = clock.now();
        }
    }

    /** Activities, pipeline events and the other features' events (offers) of one company, newest first; 404 when the company is hidden or unknown. */
    public List<TimelineEntry> timeline(long companyId) {
        if (Company.findById(companyId) == null) {
            throw DomainException.notFound("company", companyId);
        }
        visibility.checkCanSee(companyId);
        List<TimelineEntry> entries = new ArrayList<>();
        List<Activity> activities = em.createQuery(
                "select distinct a from Activity a join a.companyIds c where c = :company", Activity.class)
                .setParameter("company", companyId).getResultList();
        for (Activity a : activities) {
            entries.add(new TimelineEntry(TimelineEntry.ACTIVITY, a.occurredAt, a.createdBy, a.kind.name(), null, null,
                    null, a.id, a.place, a.summary, a.outcome, a.nextStep, a.contactIds.size(), List.copyOf(a.officers), null));
        }
        prospects.forCompany(companyId).map(ProspectView::history).orElse(List.of()).forEach(e -> entries.add(
                new TimelineEntry(TimelineEntry.PIPELINE, e.at(), e.actor(), e.kind().name(), e.from(), e.to(), e.note(),
                        null, null, null, null, null, 0, List.of(), null)));
        for (TimelineSource source : sources) {
            entries.addAll(source.entries(companyId));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
        return entries;
    }

    /**
     * The chosen firms of a form, with their names, as the company picker shows them; unknown and hidden ones are
     * left out (the service reports them when the form is sent).
     */
    public List<ActivityView.CompanyRef> companyRefs(List<Long> ids) {
        List<Long> visible = ids.stream().filter(id -> id != null && visibility.canSee(id)).distinct().toList();
        Map<Long, String> names = companyNames.of(visible);
        return visible.stream().filter(names::containsKey).map(id -> new ActivityView.CompanyRef(id, names.get(id))).toList();
    }

    /** The firm's contacts for the visit form: id and the masked name only (PIPL: no clear text in lists). */
    public List<ContactRow> contactsOf(long companyId) {
        if (!visibility.canSee(companyId)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, name_masked, title FROM contact "
                + "WHERE company_id = ?1 AND erased_at IS NULL ORDER BY id").setParameter(1, companyId).getResultList();
        return rows.stream().map(r -> new ContactRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2])).toList();
    }

    ActivityView view(Activity a) {
        return view(a, FollowUp.list("activityId = ?1 order by id", a.id));
    }

    /** The activity with its follow-ups ({@code tasks}, in id order); the firms' names of both in one statement. */
    ActivityView view(Activity a, List<FollowUp> tasks) {
        Map<Long, String> names = companyNames.of(firmsOf(tasks, new LinkedHashSet<>(a.companyIds)));
        List<ActivityView.CompanyRef> companies = a.companyIds.stream()
                .map(id -> new ActivityView.CompanyRef(id, names.get(id))).toList();
        List<String> contactNames = new ArrayList<>();
        if (!a.contactIds.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object> masked = em.createNativeQuery("SELECT name_masked FROM contact WHERE id IN (:ids) ORDER BY id")
                    .setParameter("ids", a.contactIds).getResultList();
            masked.forEach(m -> contactNames.add(m == null ? "—" : m.toString()));
        }
        List<FollowUpView> taskViews = taskViews(tasks, clock.today(), names);
        boolean correctable = a.correctableBy(currentUser.username(), currentUser.seesAll());
        LocalDateTime until = a.deletableUntil(config.deleteGrace());
        return new ActivityView(a.id, a.kind, a.occurredAt, a.place, companies, List.copyOf(a.contactIds), a.contactIds.size(),
                contactNames,
                List.copyOf(a.officers), a.summary, a.outcome, a.nextStep, a.createdBy, a.createdAt, taskViews, a.version,
                a.updatedBy, a.updatedAt, correctable, correctable && !clock.now().isAfter(until) ? until : null);
    }

    List<FollowUpView> taskViews(List<FollowUp> rows, LocalDate today) {
        // no firm: no statement (CompanyNames answers an empty map)
        return taskViews(rows, today, companyNames.of(firmsOf(rows, new LinkedHashSet<>())));
    }

    /** The follow-ups' views with their firms' names from {@code names}. */
    private static List<FollowUpView> taskViews(List<FollowUp> rows, LocalDate today, Map<Long, String> names) {
        return rows.stream().map(f -> FollowUpView.from(f, f.companyId == null ? null : names.get(f.companyId), today)).toList();
    }

    /** {@code ids} with the firms of the follow-ups added. */
    private static Set<Long> firmsOf(List<FollowUp> rows, Set<Long> ids) {
        rows.forEach(f -> {
            if (f.companyId != null) {
                ids.add(f.companyId);
            }
        });
        return ids;
    }
}
