package io.investcrm.matching;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.investcrm.company.Company;
import io.investcrm.matching.engine.MatchProfile;
import io.investcrm.matching.engine.RankingMembership;
import io.investcrm.plan.model.PresenceKind;
import io.investcrm.plan.model.RankingScope;
import io.investcrm.security.Visibility;

/**
 * Reads what the matching engine needs about the companies the signed-in user may see, in two flat queries (no
 * entity graphs), for one company or for the whole register when a zone or section is ranked.
 */
@ApplicationScoped
public class CompanyProfiles {

    /** A company's profile with what the lists show next to it. */
    public record Row(long companyId, String displayName, String stage, String status, String owner,
            boolean confidential, String teamCode, MatchProfile profile) {
    }

    @Inject
    EntityManager em;

    @Inject
    Visibility visibility;

    public List<Row> all() {
        return load(null);
    }

    public Row one(long companyId) {
        List<Row> rows = load(companyId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    @SuppressWarnings("unchecked")
    private List<Row> load(Long companyId) {
        String where = companyId == null ? "" : " AND c.id = :id";
        // who may see which prospect is security's rule (team, pool, confidential), applied in the query
        Visibility.Predicate visible = visibility.prospectSql("p");
        where += " AND " + visible.sql();
        var query = em.createNativeQuery("SELECT c.id, " + Company.displayNameSql("c") + ","
                + """
                 c.presence_sought, c.business_activities, c.space_need_sqm,
                       c.preferred_zone,
                       (SELECT GROUP_CONCAT(ci.industry_code SEPARATOR ',') FROM company_industry ci WHERE ci.company_id = c.id),
                       p.stage, p.status, p.owner, p.confidential, p.team_code
                FROM company c LEFT JOIN prospect p ON p.company_id = c.id
                WHERE c.survivor_id IS NULL""" + where + " ORDER BY c.id");
        var rankings = em.createNativeQuery("""
                SELECT e.company_id, l.code, l.scope, l.field_code, e.rank_no
                FROM ranking_entry e JOIN ranking_list l ON l.id = e.list_id
                WHERE e.company_id IS NOT NULL AND e.link_status = 'CONFIRMED'""" + (companyId == null ? "" : " AND e.company_id = :id"));
        visible.bind(query);
        if (companyId != null) {
            query.setParameter("id", companyId);
            rankings.setParameter("id", companyId);
        }
        Map<Long, List<RankingMembership>> memberships = new HashMap<>();
        for (Object[] r : (List<Object[]>) rankings.getResultList()) {
            RankingScope scope = r[2] == null ? null : RankingScope.valueOf((String) r[2]);
            memberships.computeIfAbsent(toLong(r[0]), k -> new ArrayList<>())
                    .add(RankingMembership.of((String) r[1], scope, (String) r[3], ((Number) r[4]).intValue()));
        }
        List<Row> out = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            long id = toLong(r[0]);
            MatchProfile profile = new MatchProfile(
                    r[6] == null ? List.of() : Arrays.asList(((String) r[6]).split(",")),
                    activities((String) r[3]),
                    r[2] == null ? null : PresenceKind.valueOf((String) r[2]),
                    memberships.getOrDefault(id, List.of()),
                    r[4] == null ? null : ((Number) r[4]).doubleValue(),
                    (String) r[5]);
            out.add(new Row(id, (String) r[1], (String) r[7], (String) r[8], (String) r[9], toBoolean(r[10]),
                    (String) r[11], profile));
        }
        return out;
    }

    /** Business activities are free text; each clause is matched on its own (see {@link MatchProfile#activitiesOf}). */
    static List<String> activities(String text) {
        return MatchProfile.activitiesOf(text);
    }

    private static long toLong(Object o) {
        return o instanceof BigInteger b ? b.longValue() : ((Number) o).longValue();
    }

    private static boolean toBoolean(Object o) {
        return o instanceof Boolean b ? b : o instanceof Number n && n.intValue() != 0;
    }
}
