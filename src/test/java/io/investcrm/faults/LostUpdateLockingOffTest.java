package io.investcrm.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.investcrm.company.CompanyFixtures;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The lost-update scenario with optimistic locking switched off ({@link UncheckedVersions}: every write carries the
 * record's current version, as a server without version checks would accept it): acknowledged edits go missing from
 * the final state while their audit rows remain, and the scenario's checks see it.
 */
@QuarkusTest
@TestProfile(LostUpdateLockingOffTest.LockingOff.class)
class LostUpdateLockingOffTest {

    /** Builds the app with the test beans that switch the version checks off. */
    public static class LockingOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(UncheckedVersions.SWITCH, "off");
        }
    }

    @Inject
    CompanyFixtures db;

    @Test
    void withoutVersionChecksTheScenarioFindsLostEdits() throws Exception {
        TestData.signIn(Tokens.MANAGER);
        LostUpdates.Outcome outcome = new LostUpdates(db).run();
        System.out.println("lost updates, locking off: " + outcome);
        assertTrue(outcome.lost() > 0, "edits lost without version checks: " + outcome);
        assertTrue(java.util.stream.IntStream.range(0, outcome.counters().length)
                .anyMatch(i -> outcome.counters()[i] < outcome.auditRows()[i]), "audit rows show the edits the state lost");
    }
}
