package io.investcrm.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The offer pages of issue 11 round 2 with real sign-ins (pages take no bearer token): who opens the delegations and
 * budgets pages and the letter, who may post their forms, and that a form post needs its CSRF token.
 */
@QuarkusTest
class OfferPagesSecurityMatrixTest {

    @TestHTTPResource("/")
    URI base;

    String base() {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Test
    void eachRoleOpensAndPostsWhatItMay() {
        List<String> users = List.of(Tokens.OFFICER, Tokens.MANAGER, Tokens.APPROVER, Tokens.ADMIN);
        users.forEach(TestData::signIn);
        TestData.signIn(Tokens.OFFICER_2);
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        long offer = TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(company, "200000"));
        io.investcrm.offer.OfferFixtures.as(Tokens.APPROVER).post("/api/offers/" + offer + "/approve").then().statusCode(200);
        io.investcrm.offer.OfferFixtures.as(Tokens.OFFICER).post("/api/offers/" + offer + "/issue").then().statusCode(200);
        Set<String> deciders = Set.of(Tokens.MANAGER, Tokens.APPROVER, Tokens.ADMIN);

        // (the approver, who may not open /companies where this session signs in, is covered by OfferBrowserTest)
        for (String user : List.of(Tokens.OFFICER, Tokens.MANAGER, Tokens.ADMIN)) {
            PageSession s = PageSession.signIn(base(), user);
            assertEquals(200, s.get("/budgets").statusCode(), user + " /budgets");
            assertEquals(deciders.contains(user) ? 200 : 403, s.get("/delegations").statusCode(), user + " /delegations");
            HttpResponse<String> letter = s.get("/offers/" + offer + "/letter");
            assertEquals(200, letter.statusCode(), user + " letter");
            assertTrue(letter.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));

            // only an admin keeps budgets; the form needs its CSRF token
            // the session's form token, from a page that has a form for this role
            String token = s.csrfToken(deciders.contains(user) ? "/delegations" : "/offers/new?companyId=" + company);
            Map<String, String> policy = Map.of("csrf-token", token, "code", "PG-" + TestData.next(), "name", "页面矩阵政策",
                    "budgetYear", "2026", "budgetCny", "1000");
            HttpResponse<String> created = s.postForm("/budgets", policy);
            assertEquals(Tokens.ADMIN.equals(user) ? 200 : 403, created.statusCode(), user + " POST /budgets");
            Map<String, String> noToken = new java.util.HashMap<>(policy);
            noToken.remove("csrf-token");
            noToken.put("code", "PG-" + TestData.next());
            assertTrue(s.postForm("/budgets", noToken).statusCode() >= 400, user + " POST /budgets without CSRF");
            if (deciders.contains(user)) {
                String role = Tokens.MANAGER.equals(user) ? "manager" : "admin";
                HttpResponse<String> lent = s.postForm("/delegations", Map.of("csrf-token", s.csrfToken("/delegations"),
                        "delegate", Tokens.OFFICER_2, "role", role, "startsAt", "2026-01-01T09:00", "endsAt",
                        "2026-01-02T09:00"));
                assertEquals(200, lent.statusCode(), user + " POST /delegations");
            } else {
                assertEquals(403, s.postForm("/delegations", Map.of("csrf-token", token, "delegate", Tokens.OFFICER_2,
                        "role", "approver", "startsAt", "2026-01-01T09:00", "endsAt", "2026-01-02T09:00")).statusCode());
            }
        }
    }
}
