package io.investcrm.offer.budget;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.investcrm.audit.AuditService;
import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.core.Invalid;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.web.FormValidator;

/**
 * Subsidy policies and their yearly budgets (plan 八(二)). An approval draws on the budget with one conditional UPDATE
 * ({@code WHERE budget - committed >= amount}); two approvals racing for the last of a budget serialise on the row and
 * the second finds too little: it cannot pass.
 */
@ApplicationScoped
public class BudgetService {

    public static final String AUDIT_TYPE = "subsidy_policy";

    @Inject
    EntityManager em;

    @Inject
    AppClock clock;

    @Inject
    AuditService audit;

    @Inject
    FormValidator validator;

    public List<PolicyView> list(Integer year) {
        List<SubsidyPolicy> rows = year == null ? SubsidyPolicy.list("order by budgetYear desc, code")
                : SubsidyPolicy.list("budgetYear = ?1 order by code", year);
        return rows.stream().map(PolicyView::from).toList();
    }

    public PolicyView get(long id) {
        return PolicyView.from(find(id));
    }

    public SubsidyPolicy find(long id) {
        SubsidyPolicy p = SubsidyPolicy.findById(id);
        if (p == null) {
            throw DomainException.notFound("budget.policy", id);
        }
        return p;
    }

    @Transactional
    public PolicyView create(PolicyForm form) {
        validator.validate(require(form));
        if (SubsidyPolicy.count("code = ?1 and budgetYear = ?2", form.code().trim(), form.budgetYear()) > 0) {
            throw DomainException.conflict("budget.policy.duplicate");
        }
        SubsidyPolicy p = new SubsidyPolicy();
        p.code = form.code().trim();
        p.name = form.name().trim();
        p.clause = form.clause() == null || form.clause().isBlank() ? null : form.clause().trim();
        p.budgetYear = form.budgetYear();
        p.budgetCny = form.budgetCny();
        p.createdAt = clock.now();
        p.updatedAt = p.createdAt;
        p.persist();
        em.flush();
        em.refresh(p);
        audit.record(AUDIT_TYPE, p.id, "create", p.code + " " + p.budgetYear + ": " + p.budgetCny.toPlainString());
        return PolicyView.from(p);
    }

    /** A new budget for the year: never below what approvals already committed (409 budget.below-committed). */
    @Transactional
    public PolicyView update(long id, PolicyForm form) {
        SubsidyPolicy p = find(id);
        validator.validate(require(form));
        if (form.version() == null) {
            throw DomainException.conflict("conflict.stale");
        }
        int n = em.createNativeQuery("UPDATE subsidy_policy SET name = ?1, clause = ?2, budget_cny = ?3, updated_at = ?4,"
                + " version = version + 1 WHERE id = ?5 AND version = ?6 AND committed_cny <= ?3")
                .setParameter(1, form.name().trim()).setParameter(2, form.clause()).setParameter(3, form.budgetCny())
                .setParameter(4, clock.now()).setParameter(5, id).setParameter(6, form.version()).executeUpdate();
        em.refresh(p);
        if (n == 0) {
            if (p.version != form.version()) {
                throw DomainException.conflict("conflict.stale");
            }
            throw DomainException.conflict("budget.below-committed", p.committedCny.toPlainString());
        }
        audit.record(AUDIT_TYPE, id, "update", p.code + " " + p.budgetYear + ": " + p.budgetCny.toPlainString());
        return PolicyView.from(p);
    }

    /** Draws an approved subsidy from the budget in the caller's transaction; false: too little remains, nothing changed. */
    public boolean charge(long policyId, BigDecimal amount) {
        return em.createNativeQuery("UPDATE subsidy_policy SET committed_cny = committed_cny + ?1, version = version + 1"
                + " WHERE id = ?2 AND budget_cny - committed_cny >= ?1")
                .setParameter(1, amount).setParameter(2, policyId).executeUpdate() == 1;
    }

    /** Gives a declined or expired subsidy back to its budget. */
    public void refund(long policyId, BigDecimal amount) {
        int n = em.createNativeQuery("UPDATE subsidy_policy SET committed_cny = committed_cny - ?1, version = version + 1"
                + " WHERE id = ?2 AND committed_cny >= ?1")
                .setParameter(1, amount).setParameter(2, policyId).executeUpdate();
        if (n != 1) {
            throw new IllegalStateException("subsidy budget out of step with the offer");
        }
    }

    private static <T> T require(T form) {
        if (form == null) {
            throw Invalid.request("request.empty");
        }
        return form;
    }
}
