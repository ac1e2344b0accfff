package io.investcrm.company;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.investcrm.audit.AuditService;
import io.investcrm.company.contact.ContactCard;
import io.investcrm.company.contact.ContactService;
import io.investcrm.core.DomainException;
import io.investcrm.security.Pursuit;
import io.investcrm.security.Visibility;

/**
 * The company detail page's read model: the company and everything the page lists about it, read once and checked
 * for visibility once, in five statements (company with its pursuit; group, aliases and lists; contacts; history;
 * duplicates), which leaves room for the panels of other features within six — see {@code StatementCountTest}.
 */
@ApplicationScoped
public class CompanyDetails {

    @Inject
    EntityManager em;

    @Inject
    Visibility visibility;

    @Inject
    ContactService contacts;

    @Inject
    AuditService audit;

    @Inject
    DuplicateFinder duplicateFinder;

    /** The detail of a company the reader may see; a hidden one answers 404 like a missing one (issue 5). */
    public CompanyDetail of(long id) {
        // the company with its industries and its pursuit (the pipeline's entity, by its JPQL name) in one statement
        List<Object[]> found = em.createQuery("select c, p from Company c left join fetch c.industries "
                + "left join Prospect p on p.companyId = c.id where c.id = :id", Object[].class).setParameter("id", id)
                .getResultList();
        if (found.isEmpty()) {
            throw DomainException.notFound("company", id);
        }
        Company c = (Company) found.get(0)[0];
        // who may see the company, and (for officers) who may reveal its contacts: security's rule on that pursuit
        Pursuit pursuit = (Pursuit) found.get(0)[1];
        if (pursuit != null && !visibility.canSee(pursuit)) {
            throw DomainException.notFound("company", id);
        }
        Related related = related(c);
        List<ContactCard> cards = contacts.cards(id, () -> pursuit == null ? null : pursuit.owner());
        List<DuplicateView> duplicates = c.survivorId != null ? List.of()
                : duplicateFinder.find(DuplicateFinder.facts(c, related.aliases.stream().map(AliasView::name).toList(),
                        related.hasMembers), id);
        return new CompanyDetail(CompanyView.from(c), related.group(c), related.aliases, related.memberships, cards,
                duplicates, audit.history(CompanyService.AUDIT_TYPE, id));
    }

    /** Group, aliases and list memberships in one statement (rows of four kinds, told apart by the first column). */
    @SuppressWarnings("unchecked")
    private Related related(Company c) {
        long gk = c.groupKey();
        List<Object[]> rows = em.createNativeQuery("""
                SELECT 'G', c.id, c.name_zh, c.name_en, c.credit_code, c.hq_country, c.hq_city, c.entity_role, c.version,
                       c.preferred_zone, c.parent_id, c.survivor_id
                FROM company c WHERE c.id IN (?1, ?2) OR (c.parent_id = ?3 AND c.survivor_id IS NULL)
                UNION ALL
                SELECT 'S', (SELECT COUNT(*) FROM company g WHERE (g.group_id = ?1 OR g.id = ?1) AND g.survivor_id IS NULL),
                       (SELECT COUNT(*) FROM company m WHERE m.group_id = ?3),
                       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
                UNION ALL
                SELECT 'A', a.id, a.kind, a.name, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
                FROM company_alias a WHERE a.company_id = ?3
                UNION ALL
                SELECT 'M', e.id, l.id, l.code, l.list_year, l.name_zh, l.name_en, l.scope, l.field_code, e.rank_no,
                       e.link_status, NULL
                FROM ranking_entry e JOIN ranking_list l ON l.id = e.list_id
                WHERE e.company_id = ?3 AND e.link_status IN ('CONFIRMED', 'PROPOSED')""")
                .setParameter(1, gk).setParameter(2, c.parentId == null ? gk : c.parentId).setParameter(3, c.id)
                .getResultList();
        Related r = new Related();
        for (Object[] row : rows) {
            switch (str(row[0])) {
                case "G" -> r.companies.add(row);
                case "S" -> {
                    r.groupSize = num(row[1]);
                    r.hasMembers = num(row[2]) > 0;
                }
                case "A" -> r.aliases.add(new AliasView(num(row[1]), CompanyAlias.Kind.valueOf(str(row[2])), str(row[3])));
                default -> r.memberships.add(new MembershipView(num(row[1]), num(row[2]), str(row[3]), (int) num(row[4]),
                        str(row[5]), str(row[6]), str(row[7]), str(row[8]), (int) num(row[9]), str(row[10])));
            }
        }
        r.aliases.sort(Comparator.comparingLong(AliasView::id));
        r.memberships.sort(Comparator.comparingInt(MembershipView::year).reversed()
                .thenComparing(MembershipView::listCode).thenComparingInt(MembershipView::rank));
        return r;
    }

    private static final class Related {
        final List<Object[]> companies = new ArrayList<>();
        final List<AliasView> aliases = new ArrayList<>();
        final List<MembershipView> memberships = new ArrayList<>();
        long groupSize;
        boolean hasMembers;

        GroupView group(Company c) {
            CompanySummary top = null;
            CompanySummary parent = null;
            List<CompanySummary> children = new ArrayList<>();
            companies.sort(Comparator.comparingLong(row -> num(row[1])));
            for (Object[] row : companies) {
                long id = num(row[1]);
                CompanySummary s = new CompanySummary(id, Company.displayName(str(row[2]), str(row[3])), str(row[3]),
                        str(row[4]), str(row[5]), str(row[6]), EntityRole.valueOf(str(row[7])), (int) num(row[8]), null,
                        null, str(row[9]));
                if (id == c.groupKey()) {
                    top = s;
                }
                if (c.parentId != null && id == c.parentId) {
                    parent = s;
                }
                if (row[10] != null && num(row[10]) == c.id && row[11] == null) {
                    children.add(s);
                }
            }
            return new GroupView(top, parent, children, groupSize);
        }
    }

    /** A UNION mixes column types (MySQL and MariaDB may widen a column to text): read each value by its text. */
    private static long num(Object o) {
        return o instanceof Number n ? n.longValue() : Long.parseLong(o.toString());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
