package io.investcrm.offer;

import java.util.Map;
import java.util.Set;

/**
 * Who is deciding: their own realm roles and the roles lent to them right now ({@code lent}: role → the person who
 * lent it while away). A decision taken with a lent role names both people.
 */
public record Decider(String username, Set<String> roles, Map<String, String> lent) {

    public Decider {
        roles = Set.copyOf(roles);
        lent = Map.copyOf(lent);
    }

    public static Decider of(String username, Set<String> roles) {
        return new Decider(username, roles, Map.of());
    }

    public boolean holds(String role) {
        return roles.contains(role) || lent.containsKey(role);
    }

    /** Null when the role is the decider's own. */
    public String onBehalfOf(String role) {
        return roles.contains(role) ? null : lent.get(role);
    }
}
