package io.investcrm.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import javax.transaction.xa.XAException;

import org.junit.jupiter.api.Test;

/**
 * Which failures are a database that cannot be reached (503, retry) rather than an internal error (issue 14): the
 * shapes the database-crash drill met.
 */
class DatabaseUnavailableTest {

    @Test
    void aPoolThatGaveNoConnectionInTimeIsUnavailable() {
        assertTrue(ProblemMapper.databaseUnavailable(new IllegalStateException("could not open",
                new SQLException("Acquisition timeout while waiting for new connection"))));
    }

    @Test
    void aLostConnectionIsUnavailableByItsSqlState() {
        assertTrue(ProblemMapper.databaseUnavailable(new RuntimeException(new SQLException("gone", "08S01"))));
    }

    @Test
    void aCommitThatLostItsConnectionShowsItOnlyAsSuppressed() {
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new XAException("Error trying to transactionCommit local transaction: Communications link failure"));
        assertTrue(ProblemMapper.databaseUnavailable(new RuntimeException(rollback)));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ProblemMapper.databaseUnavailable(new IllegalStateException("a bug")));
        assertFalse(ProblemMapper.databaseUnavailable(new RuntimeException(new SQLException("Duplicate entry", "23000"))));
    }
}
