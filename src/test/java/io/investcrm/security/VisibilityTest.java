package io.investcrm.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The SQL and JPQL forms of the visibility rule agree with {@link Visibility#canSee(long)}, here for a caller who sees
 * no team (the test thread's anonymous identity): register entries and the pool yes, owned or confidential no.
 */
@QuarkusTest
class VisibilityTest {

    @Inject
    Visibility visibility;

    @Inject
    EntityManager em;

    long unpursued;
    long owned;
    long pooled;
    long confidentialPooled;

    @BeforeEach
    void companies() {
        unpursued = TestData.createCompany(Tokens.OFFICER, TestData.company());
        owned = TestData.createCompany(Tokens.OFFICER, TestData.company());
        TestData.startProspect(Tokens.OFFICER, owned, Map.of());
        pooled = TestData.createCompanyInPool();
        confidentialPooled = TestData.createCompany(Tokens.OFFICER, TestData.company());
        TestData.startProspect(Tokens.OFFICER, confidentialPooled, Map.of("pool", true, "confidential", true));
    }

    List<Long> all() {
        return List.of(unpursued, owned, pooled, confidentialPooled);
    }

    Set<Long> ids(List<?> rows) {
        Set<Long> out = new TreeSet<>();
        rows.forEach(r -> out.add(((Number) r).longValue()));
        return out;
    }

    @Test
    void canSeeAndThePredicatesAgree() {
        Set<Long> expected = new TreeSet<>(List.of(unpursued, pooled));
        assertTrue(visibility.canSee(unpursued));
        assertTrue(visibility.canSee(pooled));
        assertFalse(visibility.canSee(owned));
        assertFalse(visibility.canSee(confidentialPooled));

        Visibility.Predicate sql = visibility.companySql("c.id");
        List<?> bySql = sql.bind(em.createNativeQuery("SELECT c.id FROM company c WHERE c.id IN (:ids) AND " + sql.sql()))
                .setParameter("ids", all()).getResultList();
        assertEquals(expected, ids(bySql));

        Visibility.Predicate jpql = visibility.companyJpql("c.id");
        List<?> byJpql = jpql.bind(em.createQuery("select c.id from Company c where c.id in :ids and " + jpql.sql()))
                .setParameter("ids", all()).getResultList();
        assertEquals(expected, ids(byJpql));

        Visibility.Predicate joined = visibility.prospectSql("p");
        List<?> byJoin = joined.bind(em.createNativeQuery("SELECT c.id FROM company c LEFT JOIN prospect p "
                + "ON p.company_id = c.id WHERE c.id IN (:ids) AND " + joined.sql())).setParameter("ids", all()).getResultList();
        assertEquals(expected, ids(byJoin));

        // the ordinal form, for statements built with ?n parameters (the company search)
        List<Object> params = new java.util.ArrayList<>();
        String condition = visibility.companySql("c.id").ordinal(params);
        StringBuilder in = new StringBuilder();
        for (Long id : all()) {
            params.add(id);
            in.append(in.length() == 0 ? "" : ", ").append('?').append(params.size());
        }
        var ordinal = em.createNativeQuery("SELECT c.id FROM company c WHERE " + condition + " AND c.id IN (" + in + ")");
        for (int i = 0; i < params.size(); i++) {
            ordinal.setParameter(i + 1, params.get(i));
        }
        assertEquals(expected, ids(ordinal.getResultList()));
    }
}
