package io.investcrm.company;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Duplicates found and merged: everything of the loser moves to the survivor in one transaction, with an audit record. */
@QuarkusTest
class MergeTest {

    @Inject
    CompanyFixtures fixtures;

    static JsonPath company(long id) {
        return Imports.as(Tokens.MANAGER).when().get("/api/companies/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void likelyDuplicatesAreFoundBeforeAndAfterSaving() {
        int n = TestData.next();
        Map<String, Object> body = TestData.company("深圳市普华测试会计师事务所" + n + "有限公司", "PwC Test " + n + " Limited");
        long id = TestData.createCompany(Tokens.OFFICER, body);
        Map<String, Object> again = TestData.company("普华测试会计师事务所" + n, "PWC TEST " + n + " LTD.");
        // a different credit code would make the same name only POSSIBLE: two registered entities
        again.remove("creditCode");
        Imports.as(Tokens.OFFICER).contentType(ContentType.JSON).body(again).when().post("/api/companies/duplicate-check")
                .then().statusCode(200).body("companyId", hasItem((int) id))
                .body("find { it.companyId == " + id + " }.confidence", equalTo("PROBABLE"));
        again.put("creditCode", body.get("creditCode"));
        Imports.as(Tokens.OFFICER).contentType(ContentType.JSON).body(again).when().post("/api/companies/duplicate-check")
                .then().body("find { it.companyId == " + id + " }.confidence", equalTo("CERTAIN"))
                .body("find { it.companyId == " + id + " }.reasons", hasItem("company.duplicate.same-credit-code"));
        Map<String, Object> child = TestData.company("普华测试深圳分所" + n, null);
        child.put("parentId", id);
        long childId = TestData.createCompany(Tokens.OFFICER, child);
        Imports.as(Tokens.OFFICER).when().get("/api/companies/" + childId + "/duplicates").then().statusCode(200)
                .body("find { it.companyId == " + id + " }.reasons", hasItem("company.duplicate.same-group"));
        Imports.as(Tokens.OFFICER).when().get("/api/companies/" + id + "/group").then()
                .body("children.id", hasItem((int) childId)).body("groupSize", equalTo(2));
    }

    @Test
    void aVariantOfAnEnglishNameIsStillALikelyDuplicate() {
        // candidates share 60 % of the name's bigrams, Latin ones included: "Allen & Overy" shares 8 of 12 bigrams with
        // "Allen Overy" (but only 6 of 11 trigrams), and their similarity (0.73) makes it a possible duplicate
        long id = TestData.createCompany(Tokens.OFFICER, TestData.company(null, "Allen Overy"));
        Map<String, Object> again = TestData.company(null, "Allen & Overy");
        again.remove("creditCode");
        Imports.as(Tokens.OFFICER).contentType(ContentType.JSON).body(again).when().post("/api/companies/duplicate-check")
                .then().statusCode(200).body("companyId", hasItem((int) id));
    }

    @Test
    void aMergeMovesEverythingToTheSurvivorAndRecordsWhatMoved() {
        int n = TestData.next();
        Map<String, Object> s = TestData.company("德勤测试咨询" + n, null);
        long survivor = TestData.createCompany(Tokens.OFFICER, s);
        Map<String, Object> l = TestData.company("德勤測試諮詢（深圳）" + n, "Deloitte Test " + n);
        l.remove("creditCode");
        l.put("lei", TestData.lei());
        long loser = TestData.createCompany(Tokens.OFFICER, l);
        Map<String, Object> sub = TestData.company("德勤测试子公司" + n, null);
        sub.put("parentId", loser);
        long subsidiary = TestData.createCompany(Tokens.OFFICER, sub);
        long contact = TestData.createContact(Tokens.OFFICER, loser, TestData.contact("赵六", TestData.mobile(), null));
        long both = fixtures.activity(survivor, loser);
        long only = fixtures.activity(loser);
        long sp = fixtures.prospect(survivor, "VISITED", Tokens.OFFICER);
        long lp = fixtures.prospect(loser, "CONTACTED", Tokens.OFFICER_2);
        fixtures.prospectEvent(lp, "CONTACTED");
        fixtures.prospectEvent(lp, "LEAD");
        long list = RankingImportTest.listWithEntries(Map.of(7, survivor));
        Imports.as(Tokens.MANAGER).contentType(ContentType.JSON).body(Map.of("kind", "FORMER", "name", "旧德勤" + n))
                .when().post("/api/companies/" + loser + "/aliases").then().statusCode(201);
        long loserList = RankingImportTest.listWithEntries(Map.of(3, loser));
        // an offer made during the loser's pursuit (officer2 owns it), already submitted and carrying its history
        long offer = TestData.submittedOffer(Tokens.OFFICER_2, TestData.subsidyOffer(loser, "800000"));
        long survivorOffer = TestData.createOffer(Tokens.OFFICER, TestData.spaceOffer(survivor, "900"));

        JsonPath preview = Imports.as(Tokens.OFFICER).queryParam("loser", loser)
                .when().get("/api/companies/" + survivor + "/merge-preview").then().statusCode(200).extract().jsonPath();
        assertEquals(1, preview.getInt("contacts"));
        assertEquals(2, preview.getInt("activities"));
        assertEquals("EVENTS", preview.getString("prospect"));
        // two events of its own, and the move to OFFER that submitting the offer made (issue 11)
        assertEquals(3, preview.getInt("prospectEvents"));
        assertEquals(1, preview.getInt("children"));
        assertEquals(1, preview.getInt("offers"));
        assertTrue(preview.getList("filledFields").contains("lei"), preview.prettify());

        Map<String, Object> form = Map.of("survivorId", survivor, "loserId", loser,
                "survivorVersion", preview.getInt("survivorVersion"), "loserVersion", preview.getInt("loserVersion"));
        Imports.as(Tokens.OFFICER).contentType(ContentType.JSON).body(form).when().post("/api/companies/merge")
                .then().statusCode(403);
        Imports.as(Tokens.MANAGER).contentType(ContentType.JSON).body(form).when().post("/api/companies/merge")
                .then().statusCode(200).body("id", equalTo((int) survivor)).body("lei", equalTo(l.get("lei")));

        assertEquals((int) survivor, company(loser).getInt("survivorId"));
        assertEquals(survivor, fixtures.count("SELECT company_id FROM contact WHERE id = ?1", contact));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_company WHERE activity_id = ?1", both));
        assertEquals(survivor, fixtures.count("SELECT company_id FROM activity_company WHERE activity_id = ?1", only));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM prospect WHERE id = ?1", lp));
        assertEquals(3, fixtures.count("SELECT COUNT(*) FROM prospect_event WHERE prospect_id = ?1", sp));
        assertEquals(survivor, fixtures.count("SELECT parent_id FROM company WHERE id = ?1", subsidiary));
        // the loser's offer now belongs to the survivor and its pursuit; its history and approval steps came along
        assertEquals(survivor, fixtures.count("SELECT company_id FROM offer WHERE id = ?1", offer));
        assertEquals(sp, fixtures.count("SELECT prospect_id FROM offer WHERE id = ?1", offer));
        assertEquals(sp, fixtures.count("SELECT prospect_id FROM offer WHERE id = ?1", survivorOffer));
        Imports.as(Tokens.MANAGER).queryParam("companyId", survivor).when().get("/api/offers").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", hasItem((int) offer));
        Imports.as(Tokens.MANAGER).when().get("/api/offers/" + offer).then().statusCode(200)
                .body("companyId", equalTo((int) survivor)).body("status", equalTo("SUBMITTED"))
                .body("approvals.size()", equalTo(1)).body("history.action", hasItem("submit"));
        Imports.as(Tokens.OFFICER).when().get("/api/companies/" + survivor + "/timeline").then().statusCode(200)
                .body("findAll { it.type == 'OFFER' }.offerId", hasItem((int) offer));
        assertEquals(survivor, fixtures.count("SELECT group_id FROM company WHERE id = ?1", subsidiary));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM company_name_gram WHERE company_id = ?1", loser));
        assertEquals(survivor, fixtures.count("SELECT company_id FROM ranking_entry WHERE list_id = ?1", loserList));
        Imports.as(Tokens.OFFICER).when().get("/api/companies/" + survivor + "/memberships").then()
                .body("rank", hasItem(7)).body("rank", hasItem(3));
        Imports.as(Tokens.OFFICER).when().get("/api/companies/" + survivor + "/aliases").then()
                .body("name", hasItem("德勤測試諮詢（深圳）" + n)).body("name", hasItem("旧德勤" + n));
        // the survivor had no English name: it takes the loser's rather than an alias
        assertEquals("Deloitte Test " + n, company(survivor).getString("nameEn"));
        // the loser's names now find the survivor, and the loser no longer shows in lists
        Imports.as(Tokens.OFFICER).queryParam("q", "deloitte test " + n).when().get("/api/companies").then()
                .body("items.id", hasItem((int) survivor)).body("items.id", not(hasItem((int) loser)));
        String detail = (String) fixtures.rows("SELECT detail FROM audit_event WHERE entity_type = 'company' AND entity_id = ?1 "
                + "AND action = 'merge'", survivor).get(0)[0];
        assertTrue(detail.contains("\"loserId\":" + loser) && detail.contains("\"contacts\":1") && detail.contains("\"offers\":1")
                && detail.contains("\"prospect\":\"EVENTS\""), detail);
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'company' AND entity_id = ?1 "
                + "AND action = 'merged'", loser));
        // a merged record is history: no edit, no second merge
        Imports.as(Tokens.MANAGER).contentType(ContentType.JSON).body(form).when().post("/api/companies/merge")
                .then().statusCode(409).body("code", equalTo("company.merged"));
    }

    @Test
    void aStaleOrSelfMergeChangesNothing() {
        long a = TestData.createCompany(Tokens.OFFICER, TestData.company());
        long b = TestData.createCompany(Tokens.OFFICER, TestData.company());
        long contact = TestData.createContact(Tokens.OFFICER, b, TestData.contact("钱七", TestData.mobile(), null));
        Imports.as(Tokens.MANAGER).contentType(ContentType.JSON)
                .body(Map.of("survivorId", a, "loserId", b, "survivorVersion", 0, "loserVersion", 7))
                .when().post("/api/companies/merge").then().statusCode(409).body("code", equalTo("conflict.stale"));
        Imports.as(Tokens.MANAGER).contentType(ContentType.JSON)
                .body(Map.of("survivorId", a, "loserId", a, "survivorVersion", 0, "loserVersion", 0))
                .when().post("/api/companies/merge").then().statusCode(422).body("code", equalTo("company.merge.same"));
        Imports.as(Tokens.MANAGER).contentType(ContentType.JSON).body(Map.of("survivorId", a))
                .when().post("/api/companies/merge").then().statusCode(400).body("violations.field", hasItem("loserId"));
        assertEquals(b, fixtures.count("SELECT company_id FROM contact WHERE id = ?1", contact));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM company WHERE id = ?1 AND survivor_id IS NOT NULL", b));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'company' AND entity_id = ?1 "
                + "AND action = 'merged'", b));
    }
}
