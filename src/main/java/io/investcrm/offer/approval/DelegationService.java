package io.investcrm.offer.approval;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.investcrm.audit.AuditService;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.UserDirectory;
import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.core.Invalid;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.web.FormValidator;

/**
 * Time-bounded delegation of a deciding role (issue 11): an approver lends one of their own deciding roles to a
 * colleague while away; the colleague's decisions with it name both people. Only roles that decide a step may be lent.
 */
@ApplicationScoped
public class DelegationService {

    public static final String AUDIT_TYPE = "delegation";

    @Inject
    CurrentUser currentUser;

    @Inject
    UserDirectory users;

    @Inject
    AppClock clock;

    @Inject
    AuditService audit;

    @Inject
    FormValidator validator;

    /** Mine, lent and borrowed (an admin sees all), newest first. */
    public List<DelegationView> list() {
        String me = currentUser.username();
        List<Delegation> rows = currentUser.hasRole("admin") ? Delegation.list("order by id desc")
                : Delegation.list("delegator = ?1 or delegate = ?1 order by id desc", me);
        LocalDateTime now = clock.now();
        return rows.stream().map(d -> DelegationView.from(d, now)).toList();
    }

    @Transactional
    public DelegationView create(DelegationForm form, List<String> decidingRoles) {
        if (form == null) {
            throw Invalid.request("request.empty");
        }
        String me = currentUser.username();
        List<FieldError> errors = new java.util.ArrayList<>();
        if (form.role() != null && (!decidingRoles.contains(form.role()) || !currentUser.hasRole(form.role()))) {
            errors.add(new FieldError("role", "delegation.role.not-yours"));
        }
        if (form.delegate() != null && (form.delegate().trim().equals(me) || users.find(form.delegate().trim()).isEmpty())) {
            errors.add(new FieldError("delegate", "delegation.delegate.unknown"));
        }
        if (form.startsAt() != null && form.endsAt() != null && !form.endsAt().isAfter(form.startsAt())) {
            errors.add(new FieldError("endsAt", "delegation.ends-before-start"));
        }
        validator.validate(form, errors);
        Delegation d = new Delegation();
        d.delegator = me;
        d.delegate = form.delegate().trim();
        d.role = form.role();
        d.startsAt = form.startsAt();
        d.endsAt = form.endsAt();
        d.createdAt = clock.now();
        d.persist();
        audit.record(AUDIT_TYPE, d.id, "create", d.delegator + " → " + d.delegate + " (" + d.role + ") " + d.startsAt
                + " – " + d.endsAt);
        return DelegationView.from(d, clock.now());
    }

    /** The delegator (or an admin) ends a delegation early. */
    @Transactional
    public DelegationView revoke(long id) {
        Delegation d = Delegation.findById(id);
        if (d == null || !(d.delegator.equals(currentUser.username()) || d.delegate.equals(currentUser.username())
                || currentUser.hasRole("admin"))) {
            throw DomainException.notFound("delegation", id);
        }
        if (!d.delegator.equals(currentUser.username()) && !currentUser.hasRole("admin")) {
            throw DomainException.forbidden("delegation.not-yours");
        }
        d.revoke(clock.now());
        audit.record(AUDIT_TYPE, d.id, "revoke", null);
        return DelegationView.from(d, clock.now());
    }

    /** The roles lent to this person now: role → who lent it (the first, if two lent the same role). */
    public Map<String, String> lentTo(String username) {
        Map<String, String> out = new HashMap<>();
        LocalDateTime now = clock.now();
        for (Delegation d : Delegation.<Delegation>list(
                "delegate = ?1 and revokedAt is null and startsAt <= ?2 and endsAt > ?2 order by id", username, now)) {
            out.putIfAbsent(d.role, d.delegator);
        }
        return out;
    }
}
