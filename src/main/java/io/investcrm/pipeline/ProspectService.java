package io.investcrm.pipeline;

import static io.investcrm.core.Text.trimOrNull;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.investcrm.company.Company;
import io.investcrm.company.CompanyNames;
import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.core.Invalid;
import io.investcrm.core.ListCounts;
import io.investcrm.security.AppUser;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.UserDirectory;
import io.investcrm.security.Visibility;
import io.investcrm.web.FormValidator;
import io.investcrm.web.PageView;

/**
 * The pipeline: starting pursuits, stage moves through the gates, status, ownership and the pool, landing
 * verification. One transaction per action; the entity's transition decides, this service checks who may act and
 * writes the history row in the same transaction.
 */
@ApplicationScoped
public class ProspectService {

    private static final Logger LOG = Logger.getLogger(ProspectService.class);

    @Inject
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    UserDirectory users;

    @Inject
    Visibility visibility;

    @Inject
    AppClock clock;

    @Inject
    PipelineConfig config;

    @Inject
    FormValidator validator;

    @Inject
    CompanyNames companyNames;

    @Inject
    ListCounts listCounts;

    @Inject
    jakarta.enterprise.event.Event<LandingVerified> landingVerified;

    @Transactional
    public ProspectView start(long companyId, ProspectForms.Start form) {
        ProspectForms.Start f = form == null ? ProspectForms.Start.empty() : form;
        if (Company.findById(companyId) == null) {
            throw DomainException.notFound("company", companyId);
        }
        visibility.checkCanSee(companyId);
        validator.validate(f, leaderErrors(f.leader()));
        requireLeaderOfOwnTeam(trimOrNull(f.leader()));
        if (Prospect.count("companyId", companyId) > 0) {
            throw DomainException.conflict("prospect.exists", companyId);
        }
        LocalDateTime now = clock.now();
        boolean pool = Boolean.TRUE.equals(f.pool());
        Prospect p = Prospect.start(companyId, pool ? null : currentUser.username(), users.currentTeam(),
                trimOrNull(f.leader()), Boolean.TRUE.equals(f.confidential()), now);
        p.expectedLandingDate = f.expectedLandingDate();
        p.persist();
        ProspectEvent.of(p.id, EventKind.STARTED, null, Stage.LEAD, currentUser.username(), now,
                pool ? "pool" : null).persist();
        return view(p);
    }

    public PageView<ProspectSummary> list(Boolean mine, Stage stage, ProspectStatus status, Integer page, Integer size) {
        int[] ps = PageView.clamp(page, size);
        Visibility.Predicate visible = visibility.prospectJpql("p");
        StringBuilder where = new StringBuilder(" where ").append(visible.sql());
        Map<String, Object> params = new HashMap<>(visible.params());
        // the count's native twin of the same conditions (see cappedCount)
        Visibility.Predicate visibleRow = visibility.prospectSql("p");
        StringBuilder countWhere = new StringBuilder(visibleRow.sql());
        Map<String, Object> countParams = new HashMap<>(visibleRow.params());
        if (Boolean.TRUE.equals(mine)) {
            where.append(" and p.owner = :me");
            countWhere.append(" AND p.owner = :me");
            params.put("me", currentUser.username());
            countParams.put("me", currentUser.username());
        }
        if (stage != null) {
            where.append(" and p.stage = :stage");
            countWhere.append(" AND p.stage = :stage");
            params.put("stage", stage);
            countParams.put("stage", stage.name());
        }
        if (status != null) {
            where.append(" and p.status = :status");
            countWhere.append(" AND p.status = :status");
            params.put("status", status);
            countParams.put("status", status.name());
        }
        int offset = ps[0] * ps[1];
        var rows = em.createQuery("select p from Prospect p" + where + " order by p.lastProgressAt asc, p.id asc",
                Prospect.class).setFirstResult(offset).setMaxResults(ps[1]);
        params.forEach(rows::setParameter);
        List<Prospect> found = rows.getResultList();
        // counted like the company search (issue 14): a short page is its own total, else "more than 1000" at most;
        // the exact count read the visibility columns of all ~30 000 prospects on every officer's list request
        boolean onlyTheRule = countParams.size() == visibleRow.params().size();
        // kept under the version of what it counts (V024): an officer's list is asked again after every visit, which
        // moves no count; a stage or status filter also depends on the pursuits' stages
        String countSql = countWhere.toString();
        long total = PageView.cappedTotal(offset, ps[1], found.size(), PageView.COUNT_CAP,
                () -> listCounts.count(countSql, countParams,
                        stage != null || status != null,
                        () -> cappedCount(em, countSql, countParams, onlyTheRule, PageView.COUNT_CAP)));
        return new PageView<>(summaries(found), ps[0], ps[1], total);
    }

    /**
     * How many prospects {@code where} (native SQL on {@code prospect p}, with its named parameters) admits, counted up
     * to {@code cap} + 1: the database stops reading at the first {@code cap} + 1 matches.
     *
     * @param walkPageIndex the condition is the visibility rule alone: walk the page's index (V020), which carries the
     *        rule's columns, instead of the rows. Left to itself the optimizer merged the owner, leader and team
     *        indexes and read each candidate's row (2.6 ms for an officer of the district data set, against 1.7 ms).
     *        With a filter (mine, stage, status) the optimizer picks: the owner's or the stage's index may be smaller.
     */
    static long cappedCount(EntityManager em, String where, Map<String, Object> params, boolean walkPageIndex, int cap) {
        var count = em.createNativeQuery("SELECT COUNT(*) FROM (SELECT p.id FROM prospect p"
                + (walkPageIndex ? " FORCE INDEX (ix_prospect_progress_visibility)" : "") + " WHERE " + where + " LIMIT "
                + (cap + 1) + ") capped");
        params.forEach(count::setParameter);
        return ((Number) count.getSingleResult()).longValue();
    }

    /** The board: open pursuits (active or on hold) per stage, stalest first. */
    public Map<Stage, List<ProspectSummary>> board(boolean mine) {
        Visibility.Predicate visible = visibility.prospectJpql("p");
        String jpql = "select p from Prospect p where " + visible.sql() + " and p.status in (:open)"
                + (mine ? " and p.owner = :me" : "") + " order by p.lastProgressAt asc, p.id asc";
        var q = em.createQuery(jpql, Prospect.class).setParameter("open", List.of(ProspectStatus.ACTIVE, ProspectStatus.ON_HOLD));
        visible.params().forEach(q::setParameter);
        if (mine) {
            q.setParameter("me", currentUser.username());
        }
        Map<Stage, List<ProspectSummary>> board = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            board.put(s, new ArrayList<>());
        }
        summaries(q.setMaxResults(1000).getResultList()).forEach(s -> board.get(s.stage()).add(s));
        return board;
    }

    /** Landings recorded but not yet confirmed by a second person, oldest first. */
    public List<ProspectSummary> verificationQueue() {
        Visibility.Predicate visible = visibility.prospectJpql("p");
        var q = em.createQuery("select p from Prospect p where " + visible.sql()
                + " and p.stage = :landed and p.landingVerifiedBy is null order by p.stageEnteredAt asc", Prospect.class)
                .setParameter("landed", Stage.LANDED);
        visible.params().forEach(q::setParameter);
        return summaries(q.getResultList());
    }

    public ProspectView get(long id) {
        return view(visible(id));
    }

    /** Whether the caller may act on the prospect (for pages: which forms to show). */
    public boolean canAct(long id) {
        return visibility.canAct(visible(id));
    }

    public Optional<ProspectView> forCompany(long companyId) {
        visibility.checkCanSee(companyId);
        Prospect p = Prospect.find("companyId", companyId).firstResult();
        return Optional.ofNullable(p).map(this::view);
    }

    @Transactional
    public ProspectView move(long id, ProspectForms.Move form) {
        Prospect p = actable(id);
        validator.validate(require(form));
        record(p.moveTo(form.stage(), form.facts(), form.note(), currentUser.username(), clock.now(), clock.today()));
        return view(p);
    }

    @Transactional
    public ProspectView changeStatus(long id, ProspectForms.Status form) {
        Prospect p = actable(id);
        validator.validate(require(form));
        record(p.changeStatus(form.status(), form.reason(), form.lostTo(), form.departedOn(), currentUser.username(),
                clock.now(), clock.today()));
        return view(p);
    }

    /** Any officer who sees a pooled prospect may take it; it joins the officer's team. */
    @Transactional
    public ProspectView claim(long id) {
        Prospect p = visible(id);
        record(p.claim(currentUser.username(), users.currentTeam(), clock.now()));
        return view(p);
    }

    @Transactional
    public ProspectView handOver(long id, ProspectForms.Handover form) {
        Prospect p = actable(id);
        validator.validate(require(form));
        AppUser to = users.find(form.to().trim()).filter(u -> u.active).orElseThrow(() -> Invalid.rule("prospect.handover.unknown-user", List.of(new FieldError("to", "prospect.handover.unknown-user")), form.to()));
        record(p.handOver(to.username, to.teamCode, form.note(), currentUser.username(), clock.now()));
        return view(p);
    }

    @Transactional
    public ProspectView release(long id, ProspectForms.Note form) {
        Prospect p = actable(id);
        if (form != null) {
            validator.validate(form);
        }
        record(p.release(form == null ? null : form.note(), currentUser.username(), clock.now()));
        return view(p);
    }

    /** The checker's decision; the endpoint admits managers and admins, the entity refuses the maker. */
    @Transactional
    public ProspectView verify(long id, ProspectForms.Verification form) {
        Prospect p = visible(id);
        validator.validate(require(form));
        LocalDateTime now = clock.now();
        record(form.approve() ? p.verifyLanding(currentUser.username(), now)
                : p.rejectLanding(currentUser.username(), form.note(), now));
        if (form.approve()) {
            // synchronous, in this transaction: what the observers write stands or falls with the verification
            landingVerified.fire(new LandingVerified(p.id, p.companyId, p.owner(), p.registeredOn, p.landingVerifiedBy,
                    p.landingVerifiedAt));
        }
        return view(p);
    }

    /** Probability override, expected landing, confidentiality; only managers and admins assign the leader. */
    @Transactional
    public ProspectView updateDetails(long id, ProspectForms.Details form) {
        Prospect p = actable(id);
        ProspectForms.Details f = require(form);
        if (f.version() != null && f.version() != p.version) {
            throw DomainException.conflict("conflict.stale");
        }
        validator.validate(f, leaderErrors(f.leader()));
        LocalDateTime now = clock.now();
        String me = currentUser.username();
        if (!java.util.Objects.equals(f.probability(), p.probabilityOverride)) {
            record(p.overrideProbability(f.probability(), me, now));
        }
        String leader = trimOrNull(f.leader());
        if (!java.util.Objects.equals(leader, p.leader)) {
            if (!currentUser.seesAll()) {
                throw DomainException.forbidden("prospect.leader.managers-only");
            }
            record(p.assignLeader(leader, me, now));
        }
        p.expectedLandingDate = f.expectedLandingDate();
        if (f.confidential() != null) {
            p.confidential = f.confidential();
        }
        p.updatedAt = now;
        return view(p);
    }

    /**
     * Returns quiet prospects to the shared pool (the reclaim rule, see {@link Prospect#isReclaimable}). Each one is
     * its own transaction guarded by the row version, so two replicas running the job reclaim each prospect once.
     */
    @ActivateRequestContext
    public int reclaimQuiet() {
        LocalDateTime cutoff = clock.now().minusDays(config.reclaimDays());
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM prospect WHERE owner IS NOT NULL AND status = 'ACTIVE' "
                + "AND stage IN ('LEAD','CONTACTED','VISITED','NEGOTIATING','OFFER') "
                + "AND COALESCE(GREATEST(COALESCE(last_activity_at, owner_since), COALESCE(owner_since, last_activity_at)), created_at) <= ?1")
                .setParameter(1, cutoff).getResultList();
        int reclaimed = 0;
        for (Number id : ids) {
            try {
                if (reclaimOne(id.longValue())) {
                    reclaimed++;
                }
            } catch (OptimisticLockException e) {
                LOG.debugf("prospect %d changed while being reclaimed; left alone", id);
            }
        }
        return reclaimed;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean reclaimOne(long id) {
        Prospect p = Prospect.findById(id);
        if (p == null || !p.isReclaimable(clock.now(), config.reclaimDays())) {
            return false;
        }
        record(p.reclaim(config.reclaimDays(), clock.now()));
        em.flush();
        return true;
    }

    /** The prospect of a company, for the activity log: logging a visit is progress. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordActivity(long companyId, LocalDateTime at) {
        Prospect.recordActivity(companyId, at, clock.now());
    }

    /** The prospect's leader, else the owner's team leader: who hears about overdue follow-ups. */
    public Optional<String> escalationTarget(Long companyId) {
        if (companyId == null) {
            return Optional.empty();
        }
        Prospect p = Prospect.find("companyId", companyId).firstResult();
        if (p == null) {
            return Optional.empty();
        }
        if (p.leader != null) {
            return Optional.of(p.leader);
        }
        return users.leaderOfTeam(p.teamCode);
    }

    Prospect visible(long id) {
        Prospect p = Prospect.findById(id);
        if (p == null || !visibility.canSee(p)) {
            throw DomainException.notFound("prospect", id);
        }
        return p;
    }

    /** Visible but not the caller's to change → 403; not visible → 404. */
    Prospect actable(long id) {
        Prospect p = visible(id);
        if (!visibility.canAct(p)) {
            throw DomainException.forbidden("prospect.not-yours");
        }
        return p;
    }

    private void record(ProspectEvent event) {
        event.persist();
    }

    /**
     * The leader sees and acts on the pursuit, so an officer starting one may name only someone of his own team;
     * naming anyone else is the managers' call, as when editing it (issue 13, #4).
     */
    private void requireLeaderOfOwnTeam(String leader) {
        if (leader == null || currentUser.seesAll() || leader.equals(currentUser.username())) {
            return;
        }
        String myTeam = users.currentTeam();
        String theirTeam = users.find(leader).map(u -> u.teamCode).orElse(null);
        if (myTeam == null || !myTeam.equals(theirTeam)) {
            throw DomainException.forbidden("prospect.leader.managers-only");
        }
    }

    private List<FieldError> leaderErrors(String leader) {
        if (leader == null || leader.isBlank() || users.find(leader.trim()).isPresent()) {
            return List.of();
        }
        return List.of(new FieldError("leader", "prospect.leader.unknown"));
    }

    private static <T> T require(T form) {
        if (form == null) {
            throw Invalid.request("request.empty");
        }
        return form;
    }

    ProspectView view(Prospect p) {
        LocalDateTime now = clock.now();
        List<ProspectEventView> history = history(p);
        Staleness light = p.staleness(now, config.staleYellowDays(), config.staleRedDays());
        return new ProspectView(p.id, p.version, p.companyId, companyNames.of(p.companyId), p.stage,
                p.status, p.statusReason, p.lostTo, p.owner, p.ownerSince, p.leader, p.teamCode, p.confidential,
                p.probability(config.stageProbabilities()), p.probabilityOverride != null, p.expectedLandingDate,
                p.stageEnteredAt, p.daysInStage(now), p.lastActivityAt, p.lastProgressAt,
                Prospect.daysBetween(p.lastProgressAt, now), light, p.signedOn, p.agreementRef, p.registeredOn,
                p.localCreditCode, p.landingEvidence, p.landingRecordedBy, p.landingVerifiedBy, p.landingVerifiedAt,
                p.awaitsVerification(), p.landingCounts(), p.departedOn, history);
    }

    /** Newest first; each stage change carries the days spent in the stage it left. */
    private List<ProspectEventView> history(Prospect p) {
        List<ProspectEvent> events = ProspectEvent.list("prospectId = ?1 order by occurredAt asc, id asc", p.id);
        List<ProspectEventView> out = new ArrayList<>();
        LocalDateTime stageSince = events.isEmpty() ? p.createdAt : events.get(0).occurredAt;
        for (ProspectEvent e : events) {
            Long days = null;
            if (e.kind == EventKind.STAGE || e.kind == EventKind.REJECTED) {
                days = Prospect.daysBetween(stageSince, e.occurredAt);
                stageSince = e.occurredAt;
            }
            out.add(0, ProspectEventView.from(e, days));
        }
        return out;
    }

    List<ProspectSummary> summaries(List<Prospect> prospects) {
        LocalDateTime now = clock.now();
        Map<Long, String> names = companyNames.of(prospects.stream().map(p -> p.companyId).toList());
        return prospects.stream().map(p -> new ProspectSummary(p.id, p.companyId, names.get(p.companyId), p.stage,
                p.status, p.owner, p.leader, p.confidential, p.probability(config.stageProbabilities()),
                p.staleness(now, config.staleYellowDays(), config.staleRedDays()),
                Prospect.daysBetween(p.lastProgressAt, now), p.daysInStage(now), p.lastActivityAt,
                p.expectedLandingDate, p.awaitsVerification(), p.landingCounts())).toList();
    }
}
