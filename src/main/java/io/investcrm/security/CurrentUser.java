package io.investcrm.security;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in person of this request, for services (audit, ownership) and templates ({@code inject:currentUser}). */
@RequestScoped
@Named("currentUser")
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    public String username() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public String getName() {
        return username();
    }

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    /**
     * Managers and admins see every prospect; officers their team's and the shared pool (issue 5). The one
     * manager-or-admin rule: verifying landings, merging, relinking lists and seeing every team's work use it too.
     */
    public boolean seesAll() {
        return hasRole(Roles.MANAGER) || hasRole(Roles.ADMIN);
    }

    /** Officers, managers and admins work with companies, pursuits and visits (approvers only decide offers). */
    public boolean worksCompanies() {
        return hasRole(Roles.OFFICER) || seesAll();
    }
}
