package io.investcrm.security;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.investcrm.core.DomainException;

/**
 * The one place that answers who may see and act on what: as checks for services and pages, and as SQL/JPQL
 * predicates for queries. Who sees which prospect (issue 5). Managers and admins see all; officers see their team's prospects, the shared
 * pool and what they own or lead; a confidential prospect narrows to its owner, its leader and managers/admins.
 * A company nobody pursues yet is visible to every CRM user (it is just a register entry).
 */
@ApplicationScoped
public class Visibility {

    /** An SQL (or JPQL) condition and its named parameters; bind the parameters on the query that uses it. */
    public record Predicate(String sql, Map<String, Object> params) {

        public <Q extends Query> Q bind(Q query) {
            params.forEach(query::setParameter);
            return query;
        }

        /**
         * The condition with ordinal markers ({@code ?n}) for statements built with ordinal parameters: appends the
         * values to {@code ordinalParams} in order and numbers the markers after the ones already there.
         */
        public String ordinal(List<Object> ordinalParams) {
            Matcher m = NAMED.matcher(sql);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                ordinalParams.add(params.get(m.group(1)));
                m.appendReplacement(out, "?" + ordinalParams.size());
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    private static final Pattern NAMED = Pattern.compile(":(visUser|visTeam)\\b");

    @Inject
    CurrentUser currentUser;

    @Inject
    UserDirectory users;

    @Inject
    EntityManager em;

    /** Whether the signed-in user may see this company (and its prospect, timeline and activities). */
    public boolean canSee(long companyId) {
        if (currentUser.seesAll()) {
            return true;
        }
        Pursuit p = pursuitOf(companyId);
        return p == null || canSee(p);
    }

    /** The company's pursuit (the pipeline's prospect), or null when nobody pursues it: one statement. */
    public Pursuit pursuitOf(long companyId) {
        // the pipeline's entity by its JPQL name: loaded into the persistence context, without a compile-time
        // dependency of security on the pipeline
        List<?> found = em.createQuery("from Prospect where companyId = :companyId").setParameter("companyId", companyId)
                .setMaxResults(1).getResultList();
        return found.isEmpty() ? null : (Pursuit) found.get(0);
    }

    /** For services: 404 (not 403) when the company is hidden, so its existence is not revealed. */
    public void checkCanSee(long companyId) {
        if (!canSee(companyId)) {
            throw DomainException.notFound("company", companyId);
        }
    }

    public boolean canSee(Pursuit p) {
        if (currentUser.seesAll()) {
            return true;
        }
        String me = currentUser.username();
        if (me.equals(p.owner()) || me.equals(p.leader())) {
            return true;
        }
        if (p.confidential()) {
            return false;
        }
        String team = users.currentTeam();
        return p.owner() == null || (team != null && team.equals(p.teamCode()));
    }

    /** Acting on a prospect (move, status, hand over, edit) is for its owner, its leader and managers/admins. */
    public boolean canAct(Pursuit p) {
        String me = currentUser.username();
        return currentUser.seesAll() || me.equals(p.owner()) || me.equals(p.leader());
    }

    /**
     * Native SQL condition on a {@code prospect} row under {@code alias}; also true when the row is absent (a
     * LEFT JOIN from {@code company}: not pursued, hence visible).
     */
    public Predicate prospectSql(String alias) {
        if (currentUser.seesAll()) {
            return new Predicate("1 = 1", Map.of());
        }
        return officerSql(alias, params());
    }

    /** {@link #prospectSql} for a user who does not see everything: public for the search benchmark. */
    public static Predicate officerSql(String alias, Map<String, Object> params) {
        return new Predicate("(" + alias + ".id IS NULL OR " + nullSafeCondition(alias, "team_code", "FALSE") + ")", params);
    }

    /** The parameters of the officer conditions for a user and team (null: no team). */
    public static Map<String, Object> params(String user, String team) {
        // an officer without a team matches no team's prospects: a code no team can have
        return Map.of("visUser", user, "visTeam", team == null ? "\u0000none" : team);
    }

    /** Native SQL condition on a company id column (e.g. {@code "c.id"}): the company is visible. */
    public Predicate companySql(String companyIdColumn) {
        if (currentUser.seesAll()) {
            return new Predicate("1 = 1", Map.of());
        }
        String sql = "NOT EXISTS (SELECT 1 FROM prospect vp WHERE vp.company_id = " + companyIdColumn
                + " AND NOT " + nullSafeCondition("vp", "team_code", "FALSE") + ")";
        return new Predicate(sql, params());
    }

    /** JPQL condition on a company id path (e.g. {@code "c.id"} or {@code "id"} in a Panache query). */
    public Predicate companyJpql(String companyIdPath) {
        if (currentUser.seesAll()) {
            return new Predicate("1 = 1", Map.of());
        }
        String sql = "not exists (select 1 from Prospect vp where vp.companyId = " + companyIdPath
                + " and not " + nullSafeCondition("vp", "teamCode", "false") + ")";
        return new Predicate(sql, params());
    }

    /** JPQL condition on a {@code Prospect} (the pipeline's entity) under {@code alias}. */
    public Predicate prospectJpql(String alias) {
        if (currentUser.seesAll()) {
            return new Predicate("1 = 1", Map.of());
        }
        return new Predicate(nullSafeCondition(alias, "teamCode", "false"), params());
    }

    /**
     * Written so that no branch is NULL (owner and leader may be null): NOT(…) of a NULL would hide the row in one
     * query form and show it in another. Works as native SQL and as JPQL (only the team column's name differs).
     */
    private static String nullSafeCondition(String alias, String teamColumn, String falseLiteral) {
        String a = alias + ".";
        return "((" + a + "owner IS NOT NULL AND " + a + "owner = :visUser) OR (" + a + "leader IS NOT NULL AND "
                + a + "leader = :visUser) OR (" + a + "confidential = " + falseLiteral + " AND (" + a
                + "owner IS NULL OR (" + a + teamColumn + " IS NOT NULL AND " + a + teamColumn + " = :visTeam))))";
    }

    private Map<String, Object> params() {
        return params(currentUser.username(), users.currentTeam());
    }
}
