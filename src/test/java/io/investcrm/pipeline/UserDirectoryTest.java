package io.investcrm.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.investcrm.security.AppUser;
import io.investcrm.security.Team;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** The user directory mirrors whoever signs in: Chinese names family first, the team from the token's claim. */
@QuarkusTest
class UserDirectoryTest {

    @Test
    void signingInRecordsTheUserAndCreatesTheirTeam() {
        TestData.signIn(Tokens.OFFICER_OTHER_TEAM);
        TestData.signIn(Tokens.APPROVER);
        check();
    }

    @Transactional
    void check() {
        AppUser officer = AppUser.findById(Tokens.OFFICER_OTHER_TEAM);
        assertEquals("王芳", officer.displayName, "family name first for Chinese names");
        assertEquals("team-b", officer.teamCode);
        assertEquals("officer3@investcrm.local", officer.email);
        assertNotNull(officer.lastSeenAt);
        assertNotNull(Team.findById("team-b"));
        AppUser approver = AppUser.findById(Tokens.APPROVER);
        assertEquals("刘洋", approver.displayName);
        assertNull(approver.teamCode, "approvers belong to no team");
    }
}
