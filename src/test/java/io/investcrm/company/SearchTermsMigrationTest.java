package io.investcrm.company;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import db.migration.V005_1__company_search_terms;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** The Java migration that rebuilds the name terms: run again on a database whose terms are stale. */
@QuarkusTest
class SearchTermsMigrationTest {

    @Inject
    DataSource dataSource;

    @Inject
    CompanyFixtures fixtures;

    @Test
    void rebuildsEveryLiveCompanysTermsWithItsLastChange() throws Exception {
        long id = TestData.createCompany(Tokens.OFFICER, TestData.company("迁移重建测试" + TestData.next() + "有限公司", "Rebuild Test"));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            // stale terms: one the name does not have, none of its single characters, no date
            try (PreparedStatement s = c.prepareStatement("DELETE FROM company_name_gram WHERE company_id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO company_name_gram (gram, company_id) VALUES ('zq', ?), ('迁移', ?)")) {
                s.setLong(1, id);
                s.setLong(2, id);
                s.executeUpdate();
            }
            new V005_1__company_search_terms().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return c;
                }
            });
            c.commit();
        }
        String searchText = fixtures.rows("SELECT search_text, id FROM company WHERE id = ?1", id).get(0)[0].toString();
        assertEquals(CompanySearchIndex.grams(searchText).size(),
                fixtures.count("SELECT COUNT(*) FROM company_name_gram WHERE company_id = ?1", id));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM company_name_gram WHERE company_id = ?1 AND gram = 'zq'", id));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM company_name_gram WHERE company_id = ?1 AND gram = '迁'", id));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM company_name_gram g JOIN company c ON c.id = g.company_id "
                + "WHERE g.updated_at <> c.updated_at"));
        // merged records keep no terms
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM company_name_gram g JOIN company c ON c.id = g.company_id "
                + "WHERE c.survivor_id IS NOT NULL"));
    }
}
