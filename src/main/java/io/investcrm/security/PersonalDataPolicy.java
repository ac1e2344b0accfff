package io.investcrm.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who may read personal data in full: the one place for the rule (issue 13, #5; PIPL art. 6, minimum necessary).
 *
 * <p>Only the people who work a firm call its people: officers (for the firms they own, the pool's, or contacts they
 * entered — the object rule stays with the contact service) and managers. An account holding the admin or approver
 * role never reads personal data in full, whatever other role it also holds: administering the system or deciding
 * offers needs no phone number, and a privileged account is the first one an attacker wants. The export of everything
 * held about a person (the person's own request, PIPL art. 45) is a manager's task. Erasure discloses nothing, so
 * managers and admins may carry it out.
 */
@RequestScoped
public class PersonalDataPolicy {

    @Inject
    CurrentUser currentUser;

    /** Whether the signed-in person's roles allow any full personal value at all (before the object rule). */
    public boolean mayReadInFull() {
        if (privileged()) {
            return false;
        }
        return currentUser.hasRole(Roles.MANAGER) || currentUser.hasRole(Roles.OFFICER);
    }

    /** Managers read every contact in full; officers only under the contact service's object rule. */
    public boolean readsEveryContact() {
        return mayReadInFull() && currentUser.hasRole(Roles.MANAGER);
    }

    /** The export of a person's data on request: managers without a privileged role. */
    public boolean mayExport() {
        return readsEveryContact();
    }

    /** Erasure on request: managers and admins. */
    public boolean mayErase() {
        return currentUser.hasRole(Roles.MANAGER) || currentUser.hasRole(Roles.ADMIN);
    }

    private boolean privileged() {
        return currentUser.hasRole(Roles.ADMIN) || currentUser.hasRole(Roles.APPROVER);
    }
}
