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

    /** Managers and admins see every prospect; officers their team's and the shared pool (issue 5). */
    public boolean seesAll() {
        return hasRole(Roles.MANAGER) || hasRole(Roles.ADMIN);
    }
}
