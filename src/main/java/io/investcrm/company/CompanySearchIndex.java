package io.investcrm.company;

import java.util.ArrayList;
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

    @Inject
    EntityManager em;

    /** Sets the normalised name and search text; call before the company is written. */
    public void prepare(Company c) {
        NameNormalizer normalizer = NameNormalizer.standard();
        List<String> names = new ArrayList<>();
        for (String n : new String[] { c.nameZh, c.nameEn, c.nameTc }) {
            if (n != null && !n.isBlank()) {
                names.add(normalizer.fold(n));
            }
        }
        String primary = c.nameZh != null ? c.nameZh : c.nameEn;
        c.normName = primary == null ? null : normalizer.normalized(primary);
        c.searchText = String.join("|", names);
    }

    /** Replaces the company's name bigrams; call after the company has an id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeGrams(Company c) {
        Set<String> grams = new LinkedHashSet<>();
        for (String n : c.searchText.split("\\|")) {
            if (!n.isEmpty()) {
                grams.addAll(SearchKeys.ngrams(n));
            }
        }
        em.createNativeQuery("DELETE FROM company_name_gram WHERE company_id = ?1").setParameter(1, c.id).executeUpdate();
        for (String g : grams) {
            em.createNativeQuery("INSERT INTO company_name_gram (gram, company_id) VALUES (?1, ?2)")
                    .setParameter(1, g).setParameter(2, c.id).executeUpdate();
        }
    }
}
