package io.investcrm.company;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        List<String> names = new ArrayList<>(List.of(nz(c.nameZh), nz(c.nameEn), nz(c.nameTc)));
        names.addAll(aliases);
        // a top entity with children forms a group of its own
        Long group = c.groupId != null ? c.groupId : (c.id != null && Company.count("groupId", c.id) > 0 ? c.id : null);
        return new CompanyFacts(c.creditCode, c.hkCompanyNo, c.lei, names, group == null ? null : group.toString());
    }

    /** Likely duplicates of {@code facts}, strongest first, never {@code selfId} and never a merged record. */
    public List<DuplicateView> find(CompanyFacts facts, Long selfId) {
        Set<Long> ids = candidates(facts);
        if (selfId != null) {
            ids.remove(selfId);
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Company> companies = Company.list("id in ?1 and survivorId is null", ids);
        Map<Long, List<String>> aliases = aliasesOf(ids);
        List<Scored> out = new ArrayList<>();
        for (Company c : companies) {
            Optional<DuplicateMatch> match = rule.evaluate(facts, facts(c, aliases.getOrDefault(c.id, List.of())));
            match.ifPresent(m -> out.add(new Scored(c, m)));
        }
        out.sort(Comparator.comparing((Scored s) -> s.match.confidence()).thenComparing(s -> -bestScore(s.match)));
        return out.stream().map(s -> new DuplicateView(s.company.id, s.company.displayName(), s.company.creditCode,
                s.match.confidence(), s.match.reasons().stream().map(r -> r.kind().messageKey()).distinct().toList()))
                .toList();
    }

    private record Scored(Company company, DuplicateMatch match) {
    }

    private static double bestScore(DuplicateMatch m) {
        return m.reasons().stream().mapToDouble(DuplicateReason::score).max().orElse(0);
    }

    @SuppressWarnings("unchecked")
    private Set<Long> candidates(CompanyFacts facts) {
        Set<Long> ids = new LinkedHashSet<>();
        String code = CreditCode.normalize(facts.creditCode());
        if (code != null && !code.isEmpty()) {
            ids.addAll(ids("SELECT id FROM company WHERE credit_code = ?1", code));
        }
        String lei = Lei.normalize(facts.lei());
        if (lei != null && !lei.isEmpty()) {
            ids.addAll(ids("SELECT id FROM company WHERE lei = ?1", lei));
        }
        String hk = HkCompanyNumber.normalize(facts.hkCompanyNumber());
        if (hk != null && !hk.isEmpty()) {
            ids.addAll(ids("SELECT id FROM company WHERE hk_company_no = ?1", hk));
        }
        NameNormalizer normalizer = NameNormalizer.standard();
        Set<String> normalized = facts.names().stream().map(normalizer::normalized).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!normalized.isEmpty()) {
            ids.addAll(ids("SELECT id FROM company WHERE norm_name IN (?1)", normalized));
            ids.addAll(ids("SELECT company_id FROM company_alias WHERE norm_name IN (?1)", normalized));
        }
        for (String n : normalized) {
            List<String> grams = new ArrayList<>(SearchKeys.bigrams(n));
            if (grams.size() < 2) {
                continue;
            }
            List<Object> rows = em.createNativeQuery("SELECT company_id FROM company_name_gram WHERE gram IN (?1) "
                    + "GROUP BY company_id HAVING COUNT(*) >= ?2 ORDER BY COUNT(*) DESC, company_id LIMIT " + MAX_CANDIDATES)
                    .setParameter(1, grams).setParameter(2, (int) Math.ceil(grams.size() * GRAM_SHARE)).getResultList();
            rows.forEach(r -> ids.add(CompanySummary.toLong(r)));
        }
        if (facts.groupId() != null && !facts.groupId().isBlank()) {
            long group = Long.parseLong(facts.groupId().strip());
            ids.add(group);
            ids.addAll(ids("SELECT id FROM company WHERE group_id = ?1 ORDER BY id LIMIT " + MAX_CANDIDATES, group));
        }
        // a merged record answers for its survivor
        if (!ids.isEmpty()) {
            ids.addAll(ids("SELECT survivor_id FROM company WHERE id IN (?1) AND survivor_id IS NOT NULL", ids));
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private List<Long> ids(String sql, Object param) {
        return ((List<Object>) em.createNativeQuery(sql).setParameter(1, param).getResultList()).stream()
                .map(CompanySummary::toLong).toList();
    }

    Map<Long, List<String>> aliasesOf(Set<Long> ids) {
        return CompanyAlias.<CompanyAlias>list("companyId in ?1", ids).stream()
                .collect(Collectors.groupingBy(a -> a.companyId, Collectors.mapping(a -> a.name, Collectors.toList())));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
