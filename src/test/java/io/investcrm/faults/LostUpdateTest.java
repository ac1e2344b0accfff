package io.investcrm.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.investcrm.company.CompanyFixtures;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Lost updates (issue 14): concurrent read-add-write edits of hot companies, prospects and offers. Every acknowledged
 * edit is in the final state and in the audit rows; a stale write is refused with 409. The same scenario with the
 * version checks switched off ({@link LostUpdateLockingOffTest}) loses edits, which shows the test can see a loss.
 */
@QuarkusTest
class LostUpdateTest {

    @Inject
    CompanyFixtures db;

    @Test
    void everyAcknowledgedEditSurvivesAndStaleWritesAre409() throws Exception {
        TestData.signIn(Tokens.MANAGER);
        LostUpdates.Outcome outcome = new LostUpdates(db).run();
        System.out.println("lost updates, locking on: " + outcome);
        outcome.assertNothingLost();
        assertEquals(0, outcome.otherAnswers(), "every write answered 200 or 409");
        assertTrue(outcome.conflicts() > 0, "concurrent clients on hot records meet stale versions: " + outcome);
        assertTrue(outcome.edits() > 0, outcome.toString());
    }
}
