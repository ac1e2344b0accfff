package io.investcrm.goals;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Goal test data: ranking lists with confirmed entries and group links written directly (the ranking import has its
 * own tests), pursuits moved through the real pipeline API up to a landing verified by a second person.
 */
@ApplicationScoped
public class GoalFixtures {

    @Inject
    EntityManager em;

    public static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public long rankingList(String nameZh, String nameEn, int year, String scope, String field) {
        String code = "goal-test-" + TestData.next();
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("INSERT INTO ranking_list (code, list_year, name_zh, name_en, scope, field_code, created_at, "
                    + "created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NOW(6), 'test')").setParameter(1, code).setParameter(2, year)
                    .setParameter(3, nameZh).setParameter(4, nameEn).setParameter(5, scope).setParameter(6, field).executeUpdate();
            return ((Number) em.createNativeQuery("SELECT id FROM ranking_list WHERE code = ?1").setParameter(1, code)
                    .getSingleResult()).longValue();
        });
    }

    /** The Fortune Global 500 list of the plan's target (code fortune-global-500), one per year. */
    public long fortuneList(int year) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> found = em.createNativeQuery("SELECT id FROM ranking_list WHERE code = 'fortune-global-500' AND list_year = ?1")
                    .setParameter(1, year).getResultList();
            if (!found.isEmpty()) {
                return ((Number) found.get(0)).longValue();
            }
            em.createNativeQuery("INSERT INTO ranking_list (code, list_year, name_zh, name_en, scope, field_code, created_at, "
                    + "created_by) VALUES ('fortune-global-500', ?1, '财富世界500强', 'Fortune Global 500', 'INTERNATIONAL', NULL, "
                    + "NOW(6), 'test')").setParameter(1, year).executeUpdate();
            return ((Number) em.createNativeQuery("SELECT id FROM ranking_list WHERE code = 'fortune-global-500' AND list_year = ?1")
                    .setParameter(1, year).getSingleResult()).longValue();
        });
    }

    public void entry(long listId, int rank, long companyId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO ranking_entry (list_id, rank_no, "
                + "entry_name, company_id, link_status) VALUES (?1, ?2, ?3, ?4, 'CONFIRMED')").setParameter(1, listId)
                .setParameter(2, rank).setParameter(3, "entry " + companyId).setParameter(4, companyId).executeUpdate());
    }

    public void group(long companyId, long groupId) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE company SET group_id = ?1 WHERE id = ?2")
                .setParameter(1, groupId).setParameter(2, companyId).executeUpdate());
    }

    public long company(String name) {
        return TestData.createCompany(Tokens.OFFICER, TestData.company(name + TestData.next() + "有限公司", "Goal Test " + TestData.next()));
    }

    /** Starts the pursuit and moves it to the given stage through the gates; returns the prospect id. */
    public long pursue(long companyId, String toStage) {
        long prospect = TestData.startProspect(Tokens.OFFICER, companyId, Map.of());
        for (String stage : List.of("CONTACTED", "VISITED", "NEGOTIATING", "OFFER", "SIGNED", "LANDED")) {
            Map<String, Object> body = new HashMap<>();
            body.put("stage", stage);
            if (stage.equals("SIGNED")) {
                body.put("signedOn", LocalDate.now().minusDays(2).toString());
                body.put("agreementRef", "FT-GOAL-" + TestData.next());
            }
            if (stage.equals("LANDED")) {
                body.put("registeredOn", LocalDate.now().minusDays(1).toString());
                body.put("localCreditCode", TestData.creditCode());
                body.put("landingEvidence", "营业执照副本 档案 G-" + TestData.next());
            }
            as(Tokens.OFFICER).body(body).post("/api/prospects/" + prospect + "/moves").then().statusCode(200);
            if (stage.equals(toStage)) {
                break;
            }
        }
        return prospect;
    }

    /** Landed and verified by a manager (the second person). */
    public long landedAndVerified(long companyId) {
        long prospect = pursue(companyId, "LANDED");
        as(Tokens.MANAGER).body(Map.of("approve", true)).post("/api/prospects/" + prospect + "/verification").then().statusCode(200);
        return prospect;
    }
}
