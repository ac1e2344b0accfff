package io.investcrm.offer;

import static io.investcrm.core.Text.blank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

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

    /** A draft for a company the caller may see and whose pursuit the caller may act on. */
    @Transactional
    public OfferView create(OfferForm form) {
        OfferForm f = require(form);
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

    /** New terms for a draft; send the version you read (stale → 409). */
    @Transactional
    public OfferView update(long id, OfferForm form) {
        Offer o = editable(id);
        if (o.status != OfferStatus.DRAFT) {
            throw DomainException.conflict("offer.not-editable", o.status);
        }
        if (form == null || form.version() == null || form.version() != o.version) {
            throw DomainException.conflict("conflict.stale");
        }
        validator.validate(form, termErrors(form));
        Map<String, String> before = snapshot(o);
        o.edit(form, currentUser.username(), clock.now());
        audit.record(AUDIT_TYPE, o.id, "update", null, AuditService.diff(before, snapshot(o)));
        return written(o);
    }

    @Transactional
    public OfferView submit(long id) {
        Offer o = editable(id);
        OfferStatus from = o.status;
        o.submit(config.policy(), currentUser.username(), clock.now());
        record(o, "submit", from, null, null);
        return written(o);
    }

    /** The endpoint admits the deciding roles; the entity refuses the maker and a second decision by the same person. */
    @Transactional
    public OfferView approve(long id, DecisionForm form) {
        return decide(id, form, "approve",
                (o, reason) -> o.approve(currentUser.username(), currentUser.roles(), reason, clock.now()));
    }

    @Transactional
    public OfferView reject(long id, DecisionForm form) {
        return decide(id, form, "reject",
                (o, reason) -> o.reject(currentUser.username(), currentUser.roles(), reason, clock.now()));
    }

    /** A decision on the pending step: the entity's transition, then its audit row, in the caller's transaction. */
    private OfferView decide(long id, DecisionForm form, String action,
            BiFunction<Offer, String, OfferApproval> transition) {
        Offer o = visible(id);
        DecisionForm f = form == null ? DecisionForm.empty() : form;
        validator.validate(f);
        OfferStatus from = o.status;
        OfferApproval step = transition.apply(o, f.reason());
        record(o, action, from, step.stepNo, step.reason);
        return written(o);
    }

    @Transactional
    public OfferView withdraw(long id, DecisionForm form) {
        Offer o = editable(id);
        DecisionForm f = form == null ? DecisionForm.empty() : form;
        validator.validate(f);
        OfferStatus from = o.status;
        o.withdraw(f.reason(), clock.now());
        record(o, "withdraw", from, null, o.closingNote);
        return written(o);
    }

    @Transactional
    public OfferView recordOutcome(long id, OutcomeForm form) {
        Offer o = editable(id);
        OutcomeForm f = require(form);
        validator.validate(f);
        OfferStatus from = o.status;
        o.recordOutcome(f.outcome(), f.note(), clock.now());
        record(o, f.outcome() == OfferOutcome.ACCEPTED ? "accept" : "decline", from, null, o.closingNote);
        return written(o);
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
                    .append(" and not exists (select a from OfferApproval a where a.offer = o and a.decidedBy = :me)")
                    .append(" and :me not member of o.editors");
            params.put("submitted", OfferStatus.SUBMITTED);
            params.put("myRoles", currentUser.roles().isEmpty() ? List.of("\u0000none") : List.copyOf(currentUser.roles()));
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

    /** Whether the caller holds a role that decides some step (pages: show the "awaiting my approval" list). */
    public boolean isDecider() {
        return currentUser.hasRole(config.firstStepRole()) || currentUser.hasRole(config.secondStepRole());
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
        return o.status == OfferStatus.SUBMITTED && o.awaitingRole != null && currentUser.hasRole(o.awaitingRole)
                && !o.involves(currentUser.username());
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

    /** Newest first, from the audit trail (one row per transition). */
    List<OfferEventView> history(Offer o) {
        List<OfferEventView> out = new ArrayList<>();
        for (AuditEvent e : audit.history(AUDIT_TYPE, o.id)) {
            String from = null;
            String to = null;
            Integer step = null;
            for (AuditFieldChange c : e.changes) {
                if ("status".equals(c.field)) {
                    from = c.oldValue;
                    to = c.newValue;
                } else if ("step".equals(c.field) && c.newValue != null) {
                    step = Integer.valueOf(c.newValue);
                }
            }
            out.add(new OfferEventView(o.id, o.title, e.action, e.actor, e.occurredAt, from, to, step, e.detail));
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
        return m;
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
        return new OfferView(o.id, o.version, o.companyId, name, o.prospectId, o.kind, o.title, o.status, o.zoneCode,
                o.building, o.floorAreaSqm, o.rentPerSqmMonth, o.rentFreeMonths, monthlyRent, o.subsidyAmountCny,
                o.policyBasis, o.termMonths, o.conditions, o.awaitingRole, o.closingNote, o.owner, o.createdBy,
                o.createdAt, o.updatedAt, o.submittedBy, o.submittedAt, o.decidedAt, o.outcomeAt,
                !o.status.isClosed() && canEdit(o),
                canDecide(o), o.approvals.stream().map(OfferApprovalView::from).toList(), o.id == null ? List.of() : history(o));
    }
}
