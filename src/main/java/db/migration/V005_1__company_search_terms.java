package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import io.investcrm.company.CompanySearchIndex;

/**
 * Rebuilds the name search terms of every live company with the application's own term rules
 * ({@link CompanySearchIndex#grams}): the rules changed in V005 and cannot be expressed in SQL. Merged records keep
 * no terms (their names live on as aliases of the survivor). It runs once per database: a later change of the term
 * rules needs a migration of its own that rebuilds the terms again (copy this one under a new version).
 */
public class V005_1__company_search_terms extends BaseJavaMigration {

    private static final int ROWS_PER_INSERT = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM company_name_gram");
        }
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, search_text, updated_at FROM company WHERE survivor_id IS NULL")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                Timestamp updated = rs.getTimestamp(3);
                for (String term : CompanySearchIndex.grams(rs.getString(2))) {
                    rows.add(new Object[] { term, id, updated });
                    if (rows.size() == ROWS_PER_INSERT) {
                        insert(c, rows);
                        rows.clear();
                    }
                }
            }
        }
        if (!rows.isEmpty()) {
            insert(c, rows);
        }
    }

    private static void insert(Connection c, List<Object[]> rows) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO company_name_gram (gram, company_id, updated_at) VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Object[] r : rows) {
                ps.setString(p++, (String) r[0]);
                ps.setLong(p++, (Long) r[1]);
                ps.setTimestamp(p++, (Timestamp) r[2]);
            }
            ps.executeUpdate();
        }
    }
}
