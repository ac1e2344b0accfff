package io.investcrm.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.investcrm.support.Tokens;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;

/**
 * API tokens verified once and kept until they expire (issue 14), against the real Keycloak: a kept token answers
 * without a second verification, a token that differs in one character is verified afresh and refused, and nothing
 * is served past the token's expiry.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aTokenIsVerifiedOnceThenKeptAndItsRolesStillDecide() {
        String token = Tokens.of(Tokens.OFFICER);
        long hits = tokens.hits();
        long kept = tokens.keptCount();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/companies?size=1").then().statusCode(200);
        }
        // the first of the three may have been verified by an earlier test of this run: at most one verification
        assertEquals(3, (tokens.hits() - hits) + (tokens.keptCount() - kept), "each request either verified or kept");
        assertTrue(tokens.hits() - hits >= 2, "the later requests were answered from the kept token");
        // the kept identity is the officer's: a manager's endpoint still refuses it
        given().auth().oauth2(token).get("/api/dashboard").then().statusCode(403);
    }

    @Test
    void aTokenChangedInItsSignatureIsRefusedEvenWhenTheOriginalIsKept() {
        String token = Tokens.of(Tokens.OFFICER);
        given().auth().oauth2(token).get("/api/companies?size=1").then().statusCode(200);
        int dot = token.lastIndexOf('.');
        char c = token.charAt(dot + 5);
        String forged = token.substring(0, dot + 5) + (c == 'A' ? 'B' : 'A') + token.substring(dot + 6);
        given().auth().oauth2(forged).get("/api/companies?size=1").then().statusCode(401);
        String noSignature = token.substring(0, dot + 1);
        given().auth().oauth2(noSignature).get("/api/companies?size=1").then().statusCode(401);
    }

    @Test
    void aKeptIdentityIsServedUntilItsTokenExpiresAndNotAfter() {
        AtomicLong now = new AtomicLong(1_000_000);
        VerifiedTokens.Kept kept = new VerifiedTokens.Kept(10, now::get);
        SecurityIdentity officer = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("officer1"))
                .addRole("officer").build();
        kept.put("api token-a", officer, 1_300_000);
        assertSame(officer, kept.get("api token-a"));
        assertNull(kept.get("api token-b"), "another token is not the kept one");
        assertNull(kept.get("web token-a"), "the same token for another tenant is not the kept one");
        now.set(1_299_999);
        assertNotNull(kept.get("api token-a"));
        now.set(1_300_000);
        assertNull(kept.get("api token-a"), "expired at exp");
        kept.put("api token-c", officer, 1_300_000);
        assertNull(kept.get("api token-c"), "an expired token is not kept");
    }

    @Test
    void aKeptIdentityHoldsNoRequestOfItsOwn() {
        Object firstRequest = new Object();
        SecurityIdentity verified = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("officer1"))
                .addRole("officer").addAttribute("tenant-id", "api")
                .addAttribute(io.vertx.ext.web.RoutingContext.class.getName(), firstRequest)
                .addAttribute(io.quarkus.security.identity.AuthenticationRequestContext.class.getName(), firstRequest).build();
        SecurityIdentity kept = VerifiedTokens.withoutRequest(verified);
        assertNull(kept.getAttribute(io.vertx.ext.web.RoutingContext.class.getName()));
        assertNull(kept.getAttribute(io.quarkus.security.identity.AuthenticationRequestContext.class.getName()));
        assertEquals("api", kept.getAttribute("tenant-id"));
        assertEquals("officer1", kept.getPrincipal().getName());
        assertTrue(kept.hasRole("officer"));
    }

    @Test
    void atMostTheConfiguredNumberIsKept() {
        AtomicLong now = new AtomicLong(0);
        VerifiedTokens.Kept kept = new VerifiedTokens.Kept(100, now::get);
        SecurityIdentity someone = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("u")).build();
        for (int i = 0; i < 1_000; i++) {
            kept.put("api t" + i, someone, 60_000);
        }
        kept.cleanUp();
        assertTrue(kept.size() <= 100, "bounded: " + kept.size());
    }
}
