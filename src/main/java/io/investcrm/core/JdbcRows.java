package io.investcrm.core;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Many rows of a read-only statement straight from JDBC, on the session's connection. Hibernate's per-row processing
 * of a native query's result (typed values, a tuple array, list building) cost more than the statement itself where a
 * figure reads thousands of rows: the dashboard's activities per officer and week were 8 % of the app's CPU on the
 * mixed load (issue 14, JFR). Nothing is flushed first: for reads outside a write.
 */
public final class JdbcRows {

    /** Reads one row of the result (the result set is positioned on it). */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private JdbcRows() {
    }

    /** The rows of {@code sql} with its {@code ?} parameters bound in order ({@code setObject}: java.time types too). */
    public static <T> List<T> list(EntityManager em, String sql, List<?> params, Reader<T> reader) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                    }
                    return rows;
                }
            }
        });
    }
}
