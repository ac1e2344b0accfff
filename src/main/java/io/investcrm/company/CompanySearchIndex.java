package io.investcrm.company;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.investcrm.company.identity.NameNormalizer;
import io.investcrm.company.identity.SearchKeys;

/**
 * Keeps a company's searchable text and its name bigrams current. Bigrams of normalised names in an indexed table
 * give Chinese substring search on MySQL and MariaDB alike (neither needs an ngram full-text parser).
 */
@ApplicationScoped
public class CompanySearchIndex {

    static final int SEARCH_TEXT_MAX = 2000;

    @Inject
    EntityManager em;

    /** Sets the normalised name and search text from the names and aliases; call before the company is written. */
    public void prepare(Company c, Collection<String> aliases) {
        List<String> all = new ArrayList<>();
        for (String n : new String[] { c.nameZh, c.nameEn, c.nameTc }) {
            all.add(n);
        }
        all.addAll(aliases);
        c.searchText = searchText(all);
        String primary = c.displayName();
        c.normName = primary == null ? null : NameNormalizer.standard().normalized(primary);
    }

    public void prepare(Company c) {
        prepare(c, aliasNames(c.id));
    }

    List<String> aliasNames(Long companyId) {
        if (companyId == null) {
            return List.of();
        }
        return CompanyAlias.<CompanyAlias>list("companyId", companyId).stream().map(a -> a.name).toList();
    }

    /** Folded names joined by "|", distinct, cut to the column's size. */
    public static String searchText(Collection<String> names) {
        Set<String> folded = new LinkedHashSet<>();
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                String f = NameNormalizer.standard().fold(n);
                if (!f.isEmpty()) {
                    folded.add(f);
                }
            }
        }
        String text = String.join("|", folded);
        return text.length() > SEARCH_TEXT_MAX ? text.substring(0, SEARCH_TEXT_MAX) : text;
    }

    /** The distinct index terms ({@link SearchKeys#terms}) of every name in a search text. */
    public static Set<String> grams(String searchText) {
        Set<String> grams = new LinkedHashSet<>();
        for (String n : searchText.split("\\|")) {
            if (!n.isEmpty()) {
                grams.addAll(SearchKeys.terms(n));
            }
        }
        return grams;
    }

    /**
     * Replaces the company's name terms; call after the company has an id and whenever its {@code updatedAt} changes:
     * each term row carries it, so that a name search walks its rarest term's rows newest change first and stops at
     * the end of the page (see {@link CompanySearchSql}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeGrams(Company c) {
        em.createNativeQuery("DELETE FROM company_name_gram WHERE company_id = ?1").setParameter(1, c.id).executeUpdate();
        writeNewGrams(c);
    }

    /**
     * The terms of a company just created, which has none yet. Without the DELETE: on a new (highest) id it locked
     * the gap at the end of the company_id index, so concurrent creates deadlocked on their INSERTs (issue 14,
     * database-crash drill: 872 deadlocks, answered 409, in 60 s of 8 clients creating companies).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeNewGrams(Company c) {
        List<String> grams = new ArrayList<>(grams(c.searchText));
        if (grams.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO company_name_gram (gram, company_id, updated_at) VALUES ");
        for (int i = 0; i < grams.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?").append(3 * i + 1).append(", ?").append(3 * i + 2)
                    .append(", ?").append(3 * i + 3).append(')');
        }
        var insert = em.createNativeQuery(sql.toString());
        for (int i = 0; i < grams.size(); i++) {
            insert.setParameter(3 * i + 1, grams.get(i)).setParameter(3 * i + 2, c.id).setParameter(3 * i + 3, c.updatedAt);
        }
        insert.executeUpdate();
    }

    /** Drops a merged record from name search: its names live on as aliases of the survivor. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeGrams(long companyId) {
        em.createNativeQuery("DELETE FROM company_name_gram WHERE company_id = ?1").setParameter(1, companyId).executeUpdate();
    }
}
