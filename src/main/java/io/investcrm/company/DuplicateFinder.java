package io.investcrm.company;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.investcrm.company.identity.CompanyFacts;
import io.investcrm.company.identity.CreditCode;
import io.investcrm.company.identity.DuplicateMatch;
import io.investcrm.company.identity.DuplicateReason;
import io.investcrm.company.identity.DuplicateRule;
import io.investcrm.company.identity.HkCompanyNumber;
import io.investcrm.company.identity.Lei;
import io.investcrm.company.identity.NameNormalizer;
import io.investcrm.company.identity.SearchKeys;

/**
 * Finds the records a new or imported firm may duplicate: candidates come from the indexes (identifiers, normalised
 * names and aliases, shared name bigrams, same group), and {@link DuplicateRule} judges each one.
 */
@ApplicationScoped
public class DuplicateFinder {

    /** A candidate must share this share of the name's bigrams to be judged at all. */
    static final double GRAM_SHARE = 0.6;
    static final int MAX_CANDIDATES = 20;

    private final DuplicateRule rule = new DuplicateRule();

    @Inject
    EntityManager em;

    /** The facts of a form: every name it carries and its group (the parent's group). */
    public static CompanyFacts facts(CompanyForm f, Long groupKey, List<String> aliases) {
        List<String> names = new ArrayList<>();
        names.add(f.nameZh());
        names.add(f.nameEn());
        names.add(f.nameTc());
        if (aliases != null) {
            names.addAll(aliases);
        }
        return new CompanyFacts(f.creditCode(), f.hkCompanyNo(), f.lei(), names,
                groupKey == null ? null : groupKey.toString());
    }

    static CompanyFacts facts(Company c, List<String> aliases) {
        // a top entity with children forms a group of its own
        return facts(c, aliases, c.id != null && c.groupId == null && Company.count("groupId", c.id) > 0);
    }

    /** The facts of a stored company whose group membership is already known ({@code hasMembers}: others name it top). */
    static CompanyFacts facts(Company c, List<String> aliases, boolean hasMembers) {
        return facts(c.id, c.nameZh, c.nameEn, c.nameTc, c.creditCode, c.hkCompanyNo, c.lei, c.groupId, hasMembers, aliases);
    }

    private static CompanyFacts facts(Long id, String nameZh, String nameEn, String nameTc, String creditCode,
            String hkCompanyNo, String lei, Long groupId, boolean hasMembers, List<String> aliases) {
        List<String> names = new ArrayList<>(List.of(nz(nameZh), nz(nameEn), nz(nameTc)));
        names.addAll(aliases);
        Long group = groupId != null ? groupId : (id != null && hasMembers ? id : null);
        return new CompanyFacts(creditCode, hkCompanyNo, lei, names, group == null ? null : group.toString());
    }

    /**
     * Likely duplicates of {@code facts}, strongest first, never {@code selfId} and never a merged record (a merged
     * candidate answers for its survivor). One statement: the candidates from every index, their names, aliases and
     * group, so a page or an import row costs the same whatever the number of candidates.
     */
    @SuppressWarnings("unchecked")
    public List<DuplicateView> find(CompanyFacts facts, Long selfId) {
        List<Object> params = new ArrayList<>();
        String union = candidatesSql(facts, params);
        if (union == null) {
            return List.of();
        }
        params.add(selfId == null ? -1L : selfId);
        // the few candidate ids drive the joins (STRAIGHT_JOIN, honoured by MySQL and MariaDB alike): an optimizer that
        // started from company would evaluate the candidates once per company row
        var query = em.createNativeQuery("SELECT STRAIGHT_JOIN c.id, c.name_zh, c.name_en, c.name_tc, c.credit_code, "
                + "c.hk_company_no, c.lei, c.group_id, (SELECT COUNT(*) FROM company m WHERE m.group_id = c.id), a.name "
                + "FROM (SELECT STRAIGHT_JOIN DISTINCT COALESCE(x.survivor_id, x.id) AS id FROM (" + union
                + ") u JOIN company x ON x.id = u.id) k JOIN company c ON c.id = k.id "
                + "LEFT JOIN company_alias a ON a.company_id = c.id "
                + "WHERE c.survivor_id IS NULL AND c.id <> ?" + params.size() + " ORDER BY c.id, a.id");
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        Map<Long, Object[]> rows = new java.util.LinkedHashMap<>();
        Map<Long, List<String>> aliases = new java.util.HashMap<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            long id = CompanySummary.toLong(r[0]);
            rows.putIfAbsent(id, r);
            List<String> names = aliases.computeIfAbsent(id, k -> new ArrayList<>());
            if (r[9] != null) {
                names.add((String) r[9]);
            }
        }
        List<Scored> out = new ArrayList<>();
        for (Object[] r : rows.values()) {
            long id = CompanySummary.toLong(r[0]);
            CompanyFacts candidate = facts(id, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], r[7] == null ? null : CompanySummary.toLong(r[7]), ((Number) r[8]).longValue() > 0,
                    aliases.get(id));
            rule.evaluate(facts, candidate).ifPresent(m -> out.add(new Scored(id, Company.displayName((String) r[1],
                    (String) r[2]), (String) r[4], m)));
        }
        out.sort(Comparator.comparing((Scored s) -> s.match.confidence()).thenComparing(s -> -bestScore(s.match)));
        return out.stream().map(s -> new DuplicateView(s.id, s.displayName, s.creditCode, s.match.confidence(),
                s.match.reasons().stream().map(r -> r.kind().messageKey()).distinct().toList())).toList();
    }

    private record Scored(long id, String displayName, String creditCode, DuplicateMatch match) {
    }

    private static double bestScore(DuplicateMatch m) {
        return m.reasons().stream().mapToDouble(DuplicateReason::score).max().orElse(0);
    }

    /**
     * The candidate ids as one UNION (identifiers, normalised names and aliases, shared name bigrams, same group), with
     * its parameters appended to {@code params}; null when the facts give nothing to look for.
     */
    private static String candidatesSql(CompanyFacts facts, List<Object> params) {
        List<String> parts = new ArrayList<>();
        String code = CreditCode.normalize(facts.creditCode());
        if (code != null && !code.isEmpty()) {
            parts.add("SELECT id FROM company WHERE credit_code = " + bind(params, code));
        }
        String lei = Lei.normalize(facts.lei());
        if (lei != null && !lei.isEmpty()) {
            parts.add("SELECT id FROM company WHERE lei = " + bind(params, lei));
        }
        String hk = HkCompanyNumber.normalize(facts.hkCompanyNumber());
        if (hk != null && !hk.isEmpty()) {
            parts.add("SELECT id FROM company WHERE hk_company_no = " + bind(params, hk));
        }
        NameNormalizer normalizer = NameNormalizer.standard();
        Set<String> normalized = facts.names().stream().map(normalizer::normalized).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!normalized.isEmpty()) {
            parts.add("SELECT id FROM company WHERE norm_name IN (" + bind(params, normalized) + ")");
            parts.add("SELECT company_id AS id FROM company_alias WHERE norm_name IN (" + bind(params, normalized) + ")");
        }
        for (String n : normalized) {
            List<String> grams = new ArrayList<>(SearchKeys.bigrams(n));
            if (grams.size() < 2) {
                continue;
            }
            String in = bind(params, grams);
            String least = bind(params, (int) Math.ceil(grams.size() * GRAM_SHARE));
            parts.add("SELECT * FROM (SELECT company_id AS id FROM company_name_gram WHERE gram IN (" + in + ") GROUP BY company_id "
                    + "HAVING COUNT(*) >= " + least + " ORDER BY COUNT(*) DESC, company_id LIMIT " + MAX_CANDIDATES + ") g"
                    + parts.size());
        }
        if (facts.groupId() != null && !facts.groupId().isBlank()) {
            long group = Long.parseLong(facts.groupId().strip());
            parts.add("SELECT " + bind(params, group) + " AS id");
            parts.add("SELECT * FROM (SELECT id FROM company WHERE group_id = " + bind(params, group) + " ORDER BY id LIMIT "
                    + MAX_CANDIDATES + ") m" + parts.size());
        }
        if (parts.isEmpty()) {
            return null;
        }
        return String.join(" UNION ", parts);
    }

    private static String bind(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
    }

    Map<Long, List<String>> aliasesOf(Set<Long> ids) {
        return CompanyAlias.<CompanyAlias>list("companyId in ?1", ids).stream()
                .collect(Collectors.groupingBy(a -> a.companyId, Collectors.mapping(a -> a.name, Collectors.toList())));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
