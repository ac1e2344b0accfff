package io.investcrm.offer;

import static io.investcrm.core.Text.blank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.investcrm.audit.AuditEvent;
import io.investcrm.audit.AuditFieldChange;
import io.investcrm.audit.AuditService;
import io.investcrm.company.Company;
import io.investcrm.company.CompanyNames;
import io.investcrm.company.CompanyService;
import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.core.Invalid;
import io.investcrm.pipeline.Prospect;
import io.investcrm.pipeline.ProspectService;
import io.investcrm.offer.approval.ApprovalRouting;
import io.investcrm.offer.approval.ApprovalRouting.StepRule;
import io.investcrm.offer.approval.DelegationService;
import io.investcrm.offer.budget.BudgetService;
import io.investcrm.offer.budget.SubsidyPolicy;
import io.investcrm.offer.space.SpaceBuilding;
import io.investcrm.offer.space.SpaceService;
import io.investcrm.pipeline.ProspectForms;
import io.investcrm.pipeline.ProspectStatus;
import io.investcrm.pipeline.Stage;
import io.investcrm.plan.PlanService;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.Roles;
import io.investcrm.security.Visibility;
import io.investcrm.web.FormValidator;
import io.investcrm.web.PageView;

/**
 * Offers and their approval: drafting, submitting, deciding each step, withdrawing, recording the company's answer.
 * One transaction per action; the entity's transition decides, this service checks who may see and act and writes
 * the audit row (which is also the offer's history and its entries on the company timeline) in the same transaction.
 */
@ApplicationScoped
public class OfferService {

    public static final String AUDIT_TYPE = "offer";

    @Inject
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Visibility visibility;

    @Inject
    CompanyService companies;

    @Inject
    ProspectService prospects;

    @Inject
    PlanService plan;

    @Inject
    AuditService audit;

    @Inject
    AppClock clock;

    @Inject
    OfferConfig config;

    @Inject
    FormValidator validator;

    @Inject
    CompanyNames companyNames;

    @Inject
    SpaceService space;

    @Inject
    BudgetService budgets;

    @Inject
    DelegationService delegations;

    @Inject
    OfferNotifier notifier;

    @Inject
    ObjectMapper json;

    @Inject
    ConditionFollowUps followUps;

    /** A draft for a company the caller may see and whose pursuit the caller may act on. */
    @Transactional
    public OfferView create(OfferForm form) {
        OfferForm f = fromInventory(require(form));
        List<FieldError> extra = new ArrayList<>();
        Company company = null;
        if (f.companyId() == null) {
            extra.add(new FieldError("companyId", "validation.required"));
        } else {
            company = companies.findLive(f.companyId());
        }
        Prospect prospect = company == null ? null : Prospect.<Prospect>find("companyId", company.id).firstResult();
        if (prospect != null && !visibility.canAct(prospect)) {
            throw DomainException.forbidden("offer.not-yours");
        }
        extra.addAll(termErrors(f));
        validator.validate(f, extra);
        Offer o = Offer.draft(company.id, prospect == null ? null : prospect.id, f, currentUser.username(), clock.now());
        o.persist();
        record(o, "create", null, null, o.title);
        return written(o);
    }

    /** New terms for a draft or a returned offer; send the version you read (stale → 409). Locked while in approval. */
    @Transactional
    public OfferView update(long id, OfferForm form) {
        Offer o = editable(id);
        if (!o.status.isEditable()) {
            throw DomainException.conflict("offer.not-editable", o.status);
        }
        if (form == null || form.version() == null || form.version() != o.version) {
            throw DomainException.conflict("conflict.stale");
        }
        OfferForm f = fromInventory(form);
        validator.validate(f, termErrors(f));
        Map<String, String> before = snapshot(o);
        o.edit(f, currentUser.username(), clock.now());
        audit.record(AUDIT_TYPE, o.id, "update", null, AuditService.diff(before, snapshot(o)));
        return written(o);
    }

    /**
     * Into approval: the tier comes from the CUMULATIVE area or amount offered to the company group over the period
     * (issue 11: splitting an offer does not lower its tier); a space offer holds its area (409
     * offer.space-insufficient when the building has too little free); the pursuit moves to the OFFER stage if it is
     * earlier. A resubmission records what changed since the last submission.
     */
    @Transactional
    public OfferView submit(long id) {
        Offer o = editable(id);
        OfferStatus from = o.status;
        if (!from.isEditable()) {
            throw DomainException.conflict("offer.not-draft", from);
        }
        LocalDateTime now = clock.now();
        o.groupKey = companies.findLive(o.companyId).groupKey();
        ApprovalRouting routing = config.routing();
        List<StepRule> steps = routing.route(o.kind, cumulative(o, OfferKind.SPACE, now), o.discountPct,
                cumulative(o, OfferKind.SUBSIDY, now));
        o.submit(steps, currentUser.username(), now, now.plusDays(config.holdDays()));
        settle(o, from);
        Map<String, String> terms = snapshot(o);
        Map<String, String> before = readTerms(o.submittedTerms);
        o.submittedTerms = writeTerms(terms);
        if (from == OfferStatus.RETURNED) {
            Map<String, String[]> changes = new LinkedHashMap<>();
            changes.put("status", new String[] { from.name(), o.status.name() });
            changes.putAll(AuditService.diff(before, terms));
            audit.record(AUDIT_TYPE, o.id, "resubmit", null, changes);
        } else {
            record(o, "submit", from, null, null);
        }
        advancePursuit(o);
        notifier.arrived(o, o.pendingStep());
        return written(o);
    }

    /** The sum the group was offered of this kind in the period, this offer included (0 for the other kind). */
    BigDecimal cumulative(Offer o, OfferKind kind, LocalDateTime now) {
        BigDecimal own = kind == OfferKind.SPACE ? o.floorAreaSqm : o.subsidyAmountCny;
        if (o.kind != kind || own == null) {
            return null;
        }
        String field = kind == OfferKind.SPACE ? "floorAreaSqm" : "subsidyAmountCny";
        BigDecimal others = em.createQuery("select coalesce(sum(x." + field + "), 0) from Offer x where x.groupKey = :g"
                + " and x.kind = :k and x.status in :counting and x.submittedAt >= :since and x.id <> :id", BigDecimal.class)
                .setParameter("g", o.groupKey).setParameter("k", kind)
                .setParameter("counting", COUNTING).setParameter("since", now.minusDays(config.cumulativeDays()))
                .setParameter("id", o.id).getSingleResult();
        return own.add(others);
    }

    static final List<OfferStatus> COUNTING = java.util.Arrays.stream(OfferStatus.values()).filter(OfferStatus::counts)
            .toList();

    /**
     * What a transition does to the building and the budget, in the same transaction: submitting holds, approval
     * commits the hold and draws the budget, leaving approval without approval releases the hold, a decline or an
     * expiry gives commitment and budget back. A refused hold or draw throws, and the transaction changes nothing.
     */
    private void settle(Offer o, OfferStatus from) {
        if (o.kind == OfferKind.SPACE && o.buildingId != null) {
            if (o.status == OfferStatus.SUBMITTED && from != OfferStatus.SUBMITTED) {
                if (!space.hold(o.buildingId, o.floorAreaSqm)) {
                    throw DomainException.conflict("offer.space-insufficient");
                }
                o.spaceState = SpaceState.HELD;
            } else if (o.spaceState == SpaceState.HELD && o.status == OfferStatus.APPROVED) {
                space.commit(o.buildingId, o.floorAreaSqm);
                o.spaceState = SpaceState.COMMITTED;
            } else if (o.spaceState == SpaceState.HELD && o.status != OfferStatus.SUBMITTED) {
                space.releaseHold(o.buildingId, o.floorAreaSqm);
                o.spaceState = SpaceState.RELEASED;
            } else if (o.spaceState == SpaceState.COMMITTED
                    && (o.status == OfferStatus.DECLINED || o.status == OfferStatus.EXPIRED)) {
                space.releaseCommitment(o.buildingId, o.floorAreaSqm);
                o.spaceState = SpaceState.RELEASED;
            }
        }
        if (o.kind == OfferKind.SUBSIDY && o.policyId != null) {
            if (from == OfferStatus.SUBMITTED && o.status == OfferStatus.APPROVED) {
                if (!budgets.charge(o.policyId, o.subsidyAmountCny)) {
                    throw DomainException.conflict("offer.budget-exceeded");
                }
                o.chargedCny = o.subsidyAmountCny;
            } else if (o.chargedCny != null && (o.status == OfferStatus.DECLINED || o.status == OfferStatus.EXPIRED)) {
                budgets.refund(o.policyId, o.chargedCny);
                o.chargedCny = null;
            }
        }
    }

    /** Submitting an offer means the pursuit is at 方案/OFFER at least (through the pipeline's own transition). */
    private void advancePursuit(Offer o) {
        prospects.forCompany(o.companyId)
                .filter(p -> p.status() == ProspectStatus.ACTIVE && Stage.OFFER.isAfter(p.stage()))
                .ifPresent(p -> prospects.move(p.id(), new ProspectForms.Move(Stage.OFFER, null, null, null, null, null,
                        "offer #" + o.id)));
    }

    /** The endpoint admits the deciding roles; the entity refuses the maker and a second decision by the same person. */
    @Transactional
    public OfferView approve(long id, DecisionForm form) {
        Map<String, StepRule> rules = config.routing().steps();
        return decide(id, form, "approve",
                (o, f) -> o.approve(decider(), f.reason(), f.meetingRef(), rules, clock.now()));
    }

    @Transactional
    public OfferView reject(long id, DecisionForm form) {
        return decide(id, form, "reject", (o, f) -> o.reject(decider(), f.reason(), clock.now()));
    }

    /** Back to the drafter for revision (reason required); the hold is released until it is resubmitted. */
    @Transactional
    public OfferView returnForRevision(long id, DecisionForm form) {
        return decide(id, form, "return", (o, f) -> o.returnForRevision(decider(), f.reason(), clock.now()));
    }

    /** A decision on the pending step: the entity's transition, its effects on space and budget, its audit row. */
    private OfferView decide(long id, DecisionForm form, String action,
            BiFunction<Offer, DecisionForm, OfferApproval> transition) {
        Offer o = visible(id);
        DecisionForm f = form == null ? DecisionForm.empty() : form;
        validator.validate(f);
        OfferStatus from = o.status;
        OfferApproval step = transition.apply(o, f);
        settle(o, from);
        String note = step.onBehalfOf == null ? step.reason
                : "(" + step.decidedBy + " → " + step.onBehalfOf + ")" + (step.reason == null ? "" : " " + step.reason);
        if (step.meetingRef != null) {
            note = (note == null ? "" : note + " · ") + step.meetingRef;
        }
        record(o, action, from, step.stepNo, note);
        if (o.status == OfferStatus.SUBMITTED) {
            notifier.arrived(o, o.pendingStep());
        }
        return written(o);
    }

    /** Who decides: the caller's roles and the roles lent to them now. */
    Decider decider() {
        return new Decider(currentUser.username(), currentUser.roles(), delegations.lentTo(currentUser.username()));
    }

    /** The submitter takes it back to draft before anyone decided (409 offer.recall-too-late after). */
    @Transactional
    public OfferView recall(long id) {
        Offer o = editable(id);
        OfferStatus from = o.status;
        o.recall(currentUser.username(), clock.now());
        settle(o, from);
        record(o, "recall", from, null, null);
        return written(o);
    }

    @Transactional
    public OfferView withdraw(long id, DecisionForm form) {
        Offer o = editable(id);
        DecisionForm f = form == null ? DecisionForm.empty() : form;
        validator.validate(f);
        OfferStatus from = o.status;
        o.withdraw(f.reason(), clock.now());
        settle(o, from);
        record(o, "withdraw", from, null, o.closingNote);
        return written(o);
    }

    /** The approved offer goes out as a letter (PDF at /api/offers/{id}/letter), standing for the configured days. */
    @Transactional
    public OfferView issue(long id) {
        Offer o = editable(id);
        OfferStatus from = o.status;
        o.issue(clock.now(), clock.today().plusDays(config.letterValidDays()));
        record(o, "issue", from, null, null);
        return written(o);
    }

    @Transactional
    public OfferView recordOutcome(long id, OutcomeForm form) {
        Offer o = editable(id);
        OutcomeForm f = require(form);
        validator.validate(f);
        OfferStatus from = o.status;
        o.recordOutcome(f.outcome(), f.note(), clock.now());
        settle(o, from);
        record(o, f.outcome() == OfferOutcome.ACCEPTED ? "accept" : "decline", from, null, o.closingNote);
        // accepted after the landing was verified: the conditions' check dates become follow-ups now
        followUps.afterAcceptance(o, currentUser.username());
        return written(o);
    }

    /** The ids of offers whose hold or letter ran out (the expiry job's work list). */
    public List<Long> dueToExpire() {
        LocalDateTime now = clock.now();
        return em.createQuery("select o.id from Offer o where (o.status = :submitted and o.holdExpiresAt <= :now)"
                + " or (o.status in :out and o.validUntil < :today) order by o.id", Long.class)
                .setParameter("submitted", OfferStatus.SUBMITTED).setParameter("now", now)
                .setParameter("out", List.of(OfferStatus.APPROVED, OfferStatus.ISSUED))
                .setParameter("today", now.toLocalDate()).getResultList();
    }

    /** Expires one offer (its own transaction); false when it is no longer due (decided meanwhile: 409 caught here). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean expire(long id) {
        Offer o = Offer.findById(id);
        if (o == null) {
            return false;
        }
        OfferStatus from = o.status;
        try {
            o.expire(clock.now());
        } catch (DomainException e) {
            return false;
        }
        settle(o, from);
        audit.record(AUDIT_TYPE, o.id, "expire", null,
                Map.of("status", new String[] { from.name(), o.status.name() }));
        return true;
    }

    public OfferView get(long id) {
        return view(visible(id));
    }

    /**
     * Visible offers, filtered: {@code awaitingMe} keeps those whose pending step needs one of the caller's roles and
     * that the caller may decide (not made, owned, edited, submitted or already decided by them), oldest submission first;
     * {@code mine} keeps the caller's own.
     */
    public PageView<OfferSummary> list(OfferStatus status, Long companyId, Boolean awaitingMe, Boolean mine, Integer page,
            Integer size) {
        int[] ps = PageView.clamp(page, size);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ").append(visibleJpql(params));
        String me = currentUser.username();
        boolean awaiting = Boolean.TRUE.equals(awaitingMe);
        if (awaiting) {
            where.append(" and o.status = :submitted and o.awaitingRole in :myRoles and o.createdBy <> :me and o.owner <> :me")
                    .append(" and (o.submittedBy is null or o.submittedBy <> :me)")
                    .append(" and not exists (select a from OfferApproval a where a.offer = o and a.roundNo = o.roundNo")
                    .append(" and (a.decidedBy = :me or a.onBehalfOf = :me))")
                    .append(" and :me not member of o.editors");
            params.put("submitted", OfferStatus.SUBMITTED);
            Set<String> deciding = new HashSet<>(currentUser.roles());
            deciding.addAll(delegations.lentTo(me).keySet());
            params.put("myRoles", deciding.isEmpty() ? List.of("\u0000none") : List.copyOf(deciding));
            params.put("me", me);
        }
        if (Boolean.TRUE.equals(mine)) {
            where.append(" and o.owner = :me");
            params.put("me", me);
        }
        if (status != null) {
            where.append(" and o.status = :status");
            params.put("status", status);
        }
        if (companyId != null) {
            where.append(" and o.companyId = :companyId");
            params.put("companyId", companyId);
        }
        var count = em.createQuery("select count(o) from Offer o" + where, Long.class);
        params.forEach(count::setParameter);
        String order = awaiting ? " order by o.submittedAt asc, o.id asc" : " order by o.updatedAt desc, o.id desc";
        var rows = em.createQuery("select o from Offer o" + where + order, Offer.class)
                .setFirstResult(ps[0] * ps[1]).setMaxResults(ps[1]);
        params.forEach(rows::setParameter);
        List<Offer> offers = rows.getResultList();
        Map<Long, String> names = companyNames.of(offers.stream().map(o -> o.companyId).distinct().toList());
        return new PageView<>(offers.stream().map(o -> OfferSummary.from(o, names.get(o.companyId))).toList(), ps[0],
                ps[1], count.getSingleResult());
    }

    /** The offer events of a company for its timeline, newest first (the caller has been checked to see the company). */
    public List<OfferEventView> companyEvents(long companyId) {
        List<OfferEventView> out = new ArrayList<>();
        for (Offer o : Offer.<Offer>list("companyId = ?1 order by id", companyId)) {
            out.addAll(history(o));
        }
        out.sort((a, b) -> b.at().compareTo(a.at()));
        return out;
    }

    /** The company the "make an offer" form is for: its display name; 404 when hidden, 409 when merged away. */
    public String companyName(long companyId) {
        return companies.findLive(companyId).displayName();
    }

    /** The plan's zones for the space form, labelled in the reader's language. */
    public List<PlanService.Option> zones(Locale locale) {
        return plan.choices(locale).zones();
    }

    /** A zone's label in the reader's language (the detail page, the letter); its code if the plan lacks it. */
    public String zoneLabel(String code, Locale locale) {
        if (code == null) {
            return null;
        }
        return zones(locale).stream().filter(z -> z.code().equals(code)).map(PlanService.Option::label).findFirst()
                .orElse(code);
    }

    /** Whether the caller holds a role that decides some step (pages: show the "awaiting my approval" list). */
    public boolean isDecider() {
        return config.routing().deciderRoles().stream().anyMatch(currentUser::hasRole)
                || !delegations.lentTo(currentUser.username()).isEmpty();
    }

    Offer visible(long id) {
        Offer o = Offer.findById(id);
        if (o == null || !canSee(o)) {
            throw DomainException.notFound("offer", id);
        }
        return o;
    }

    /** Visible but not the caller's to change → 403; not visible → 404. */
    Offer editable(long id) {
        Offer o = visible(id);
        if (!canEdit(o)) {
            throw DomainException.forbidden("offer.not-yours");
        }
        return o;
    }

    /**
     * CRM users see the offers of the companies they see (pipeline visibility); deciders see every offer once it has
     * been submitted (the queue and what it decided), never a draft that is not theirs to see.
     */
    boolean canSee(Offer o) {
        boolean crm = isCrm();
        return (crm && visibility.canSee(o.companyId)) || (isDecider() && o.submittedAt != null);
    }

    /** Whoever may act on the company's pursuit (owner, leader, managers); with no pursuit, the offer's owner. */
    boolean canEdit(Offer o) {
        if (currentUser.seesAll()) {
            return true;
        }
        if (!currentUser.hasRole(Roles.OFFICER)) {
            return false;
        }
        Prospect p = Prospect.<Prospect>find("companyId", o.companyId).firstResult();
        return p != null ? visibility.canAct(p) : currentUser.username().equals(o.owner);
    }

    boolean canDecide(Offer o) {
        if (o.status != OfferStatus.SUBMITTED || o.awaitingRole == null || o.involves(currentUser.username())) {
            return false;
        }
        Decider d = decider();
        String lender = d.onBehalfOf(o.awaitingRole);
        return d.holds(o.awaitingRole) && (lender == null || !o.involves(lender));
    }

    private boolean isCrm() {
        return currentUser.hasRole(Roles.OFFICER) || currentUser.seesAll();
    }

    private String visibleJpql(Map<String, Object> params) {
        boolean crm = isCrm();
        boolean decider = isDecider();
        if (!crm) {
            return decider ? "o.submittedAt is not null" : "1 = 0";
        }
        Visibility.Predicate company = visibility.companyJpql("o.companyId");
        params.putAll(company.params());
        return decider ? "(" + company.sql() + " or o.submittedAt is not null)" : "(" + company.sql() + ")";
    }

    private List<FieldError> termErrors(OfferForm f) {
        List<FieldError> errors = new ArrayList<>(Offer.missingFacts(f));
        if (f.kind() == OfferKind.SPACE && f.buildingId() != null && SpaceBuilding.findById(f.buildingId()) == null) {
            errors.add(new FieldError("buildingId", "offer.building.unknown"));
        }
        if (f.kind() == OfferKind.SUBSIDY && f.policyId() != null && SubsidyPolicy.findById(f.policyId()) == null) {
            errors.add(new FieldError("policyId", "offer.policy.unknown"));
        }
        if (f.kind() == OfferKind.SPACE && !blank(f.zoneCode()) && !plan.zoneExists(f.zoneCode().trim())) {
            errors.add(new FieldError("zoneCode", "offer.zone.unknown", f.zoneCode()));
        }
        return errors;
    }

    private void record(Offer o, String action, OfferStatus from, Integer step, String note) {
        Map<String, String[]> changes = new LinkedHashMap<>();
        changes.put("status", new String[] { from == null ? null : from.name(), o.status.name() });
        if (step != null) {
            changes.put("step", new String[] { null, String.valueOf(step) });
        }
        audit.record(AUDIT_TYPE, o.id, action, note, changes);
    }

    /** What the latest resubmission changed (the audit row's field changes, the status left out). */
    private List<OfferChangeView> lastChanges(List<OfferEventView> history) {
        return history.stream().filter(e -> "resubmit".equals(e.action())).findFirst().map(OfferEventView::changes)
                .orElse(List.of());
    }

    /** Newest first, from the audit trail (one row per transition). */
    List<OfferEventView> history(Offer o) {
        List<OfferEventView> out = new ArrayList<>();
        for (AuditEvent e : audit.history(AUDIT_TYPE, o.id)) {
            String from = null;
            String to = null;
            Integer step = null;
            List<OfferChangeView> changes = new ArrayList<>();
            for (AuditFieldChange c : e.changes) {
                if ("status".equals(c.field)) {
                    from = c.oldValue;
                    to = c.newValue;
                } else if ("step".equals(c.field) && c.newValue != null) {
                    step = Integer.valueOf(c.newValue);
                } else {
                    changes.add(new OfferChangeView(c.field, c.oldValue, c.newValue));
                }
            }
            out.add(new OfferEventView(o.id, o.title, e.action, e.actor, e.occurredAt, from, to, step, e.detail, changes));
        }
        return out;
    }

    static Map<String, String> snapshot(Offer o) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", String.valueOf(o.kind));
        m.put("title", o.title);
        m.put("zoneCode", o.zoneCode);
        m.put("building", o.building);
        m.put("floorAreaSqm", plain(o.floorAreaSqm));
        m.put("rentPerSqmMonth", plain(o.rentPerSqmMonth));
        m.put("rentFreeMonths", o.rentFreeMonths == null ? null : o.rentFreeMonths.toString());
        m.put("subsidyAmountCny", plain(o.subsidyAmountCny));
        m.put("policyBasis", o.policyBasis);
        m.put("termMonths", String.valueOf(o.termMonths));
        m.put("conditions", o.conditions);
        m.put("buildingId", o.buildingId == null ? null : o.buildingId.toString());
        m.put("unitLabel", o.unitLabel);
        m.put("discountPct", plain(o.discountPct));
        m.put("startDate", o.startDate == null ? null : o.startDate.toString());
        m.put("subsidyKind", o.subsidyKind == null ? null : o.subsidyKind.name());
        m.put("policyId", o.policyId == null ? null : o.policyId.toString());
        m.put("instalments", o.instalments == null ? null : o.instalments.toString());
        m.put("minLocalTaxCny", plain(o.minLocalTaxCny));
        m.put("minHeadcount", o.minHeadcount == null ? null : o.minHeadcount.toString());
        m.put("stayYears", o.stayYears == null ? null : o.stayYears.toString());
        m.put("clawback", o.clawback);
        return m;
    }

    /** The terms as submitted, kept on the offer so a resubmission can show what changed. */
    private String writeTerms(Map<String, String> terms) {
        try {
            return json.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> readTerms(String stored) {
        if (stored == null) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(stored, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A space offer in an inventory building takes its zone and building name from there. */
    private OfferForm fromInventory(OfferForm f) {
        if (f.kind() != OfferKind.SPACE || f.buildingId() == null) {
            return f;
        }
        SpaceBuilding b = SpaceBuilding.findById(f.buildingId());
        return b == null ? f : f.inBuilding(b.zoneCode, b.name + (b.address == null ? "" : " · " + b.address));
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    private static <T> T require(T form) {
        if (form == null) {
            throw Invalid.request("request.empty");
        }
        return form;
    }

    /** Flushes first, so the answer carries the new version (and a concurrent change surfaces here as 409). */
    private OfferView written(Offer o) {
        em.flush();
        return view(o);
    }

    OfferView view(Offer o) {
        String name = companyNames.of(o.companyId);
        BigDecimal monthlyRent = o.floorAreaSqm == null || o.rentPerSqmMonth == null ? null
                : o.floorAreaSqm.multiply(o.rentPerSqmMonth).setScale(2, RoundingMode.HALF_UP);
        List<OfferEventView> history = o.id == null ? List.of() : history(o);
        OfferApproval pending = o.status == OfferStatus.SUBMITTED ? o.pendingStep() : null;
        return new OfferView(o.id, o.version, o.companyId, name, o.prospectId, o.kind, o.title, o.status, o.zoneCode,
                o.building, o.floorAreaSqm, o.rentPerSqmMonth, o.rentFreeMonths, monthlyRent, o.subsidyAmountCny,
                o.policyBasis, o.termMonths, o.conditions, o.awaitingRole, o.closingNote, o.owner, o.createdBy,
                o.createdAt, o.updatedAt, o.submittedBy, o.submittedAt, o.decidedAt, o.outcomeAt,
                !o.status.isClosed() && canEdit(o),
                canDecide(o), o.approvals.stream().map(OfferApprovalView::from).toList(), history,
                o.buildingId, o.unitLabel, o.discountPct, o.startDate, o.subsidyKind, o.policyId, o.instalments,
                o.minLocalTaxCny, o.minHeadcount, o.stayYears, o.clawback, o.spaceState, o.chargedCny, o.holdExpiresAt,
                o.roundNo, o.issuedAt, o.validUntil, pending == null ? 0 : pending.stepNo,
                (int) o.currentRound().size(), pending != null && pending.meetingRequired,
                o.status == OfferStatus.SUBMITTED && currentUser.username().equals(o.submittedBy)
                        && o.currentRound().stream().allMatch(OfferApproval::isPending),
                lastChanges(history));
    }
}
