package io.investcrm.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Contacts under PIPL on the real database: encrypted at rest, masked, reveal rules and audit, export, erasure. */
@QuarkusTest
class ContactResourceTest {

    @Inject
    CompanyFixtures fixtures;

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    long companyWithContact(String phone, String email) {
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company());
        return TestData.createContact(Tokens.OFFICER, company, TestData.contact("张三丰", phone, email));
    }

    @Test
    void personalDataIsEncryptedAtRestAndMaskedOnTheWire() {
        String phone = TestData.mobile();
        long id = companyWithContact(phone, "zhang.sanfeng@example.com");
        as(Tokens.OFFICER).when().get("/api/contacts/" + id).then().statusCode(200)
                .body("name", equalTo("张**"))
                .body("phone", equalTo(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("email", equalTo("z***@example.com"))
                .body("title", equalTo("合伙人"))
                .body("consent", equalTo("GRANTED"));
        Object[] row = fixtures.rows("SELECT name_enc, phone_enc, email_enc, phone_index FROM contact WHERE id = ?1", id).get(0);
        for (int i = 0; i < 3; i++) {
            assertTrue(((String) row[i]).startsWith("v2:local:"), "encrypted: " + row[i]);
        }
        assertFalse(((String) row[1]).contains(phone));
        assertEquals(64, ((String) row[3]).length());
    }

    @Test
    void aRevealShowsTheFullValueAndIsAuditedWithTheField() {
        String phone = TestData.mobile();
        long id = companyWithContact(phone, "li.si@example.com");
        as(Tokens.OFFICER).queryParam("field", "PHONE").when().post("/api/contacts/" + id + "/reveal").then().statusCode(200)
                .body("value", equalTo(phone)).body("field", equalTo("PHONE"));
        as(Tokens.MANAGER).queryParam("field", "email").when().post("/api/contacts/" + id + "/reveal").then().statusCode(200)
                .body("value", equalTo("li.si@example.com"));
        List<Object[]> audits = fixtures.rows("SELECT actor, detail FROM audit_event WHERE entity_type = 'contact' "
                + "AND entity_id = ?1 AND action = 'reveal' ORDER BY id", id);
        assertEquals(2, audits.size());
        assertEquals(Tokens.OFFICER, audits.get(0)[0]);
        assertEquals("PHONE", audits.get(0)[1]);
        assertEquals(Tokens.MANAGER, audits.get(1)[0]);
        assertEquals("EMAIL", audits.get(1)[1]);
        as(Tokens.OFFICER).when().get("/api/contacts/" + id + "/history").then().statusCode(200)
                .body("action", hasItem("reveal"));
    }

    @Test
    void anOfficerMayNotRevealContactsOfAFirmAnotherOfficerOwns() {
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company());
        long id = TestData.createContact(Tokens.OFFICER, company, TestData.contact("王五", TestData.mobile(), null));
        fixtures.prospect(company, "CONTACTED", Tokens.OFFICER);
        // another team does not even see the firm (pipeline visibility); a teammate sees it but may not reveal
        as(Tokens.OFFICER_OTHER_TEAM).queryParam("field", "PHONE").when().post("/api/contacts/" + id + "/reveal")
                .then().statusCode(404).contentType("application/problem+json");
        as(Tokens.OFFICER_2).queryParam("field", "PHONE").when().post("/api/contacts/" + id + "/reveal")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("contact.reveal.forbidden"));
        // the owner still may, and nothing was audited for the refusal
        as(Tokens.OFFICER).queryParam("field", "PHONE").when().post("/api/contacts/" + id + "/reveal").then().statusCode(200);
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'contact' AND entity_id = ?1 "
                + "AND action = 'reveal'", id));
        as(Tokens.APPROVER).queryParam("field", "PHONE").when().post("/api/contacts/" + id + "/reveal").then().statusCode(403);
    }

    @Test
    void exportGivesThePersonEverythingAndIsAudited() {
        String phone = TestData.mobile();
        long id = companyWithContact(phone, "export.me@example.com");
        as(Tokens.MANAGER).when().get("/api/contacts/" + id + "/personal-data").then().statusCode(200)
                .body("name", equalTo("张三丰")).body("phone", equalTo(phone)).body("email", equalTo("export.me@example.com"))
                .body("source", equalTo("名片")).body("processing.action", hasItem("create"));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'contact' AND entity_id = ?1 "
                + "AND action = 'export'", id));
        as(Tokens.OFFICER).when().get("/api/contacts/" + id + "/personal-data").then().statusCode(403);
    }

    @Test
    void erasureBlanksEveryPersonalFieldKeepsATombstoneAndAnAuditRow() {
        String phone = TestData.mobile();
        long id = companyWithContact(phone, "erase.me@example.com");
        as(Tokens.MANAGER).queryParam("reason", "本人来电要求删除").when().post("/api/contacts/" + id + "/erase")
                .then().statusCode(200).body("erased", equalTo(true)).body("name", nullValue()).body("phone", nullValue())
                .body("consent", equalTo("WITHDRAWN"));
        Object[] row = fixtures.rows("SELECT name_enc, phone_enc, phone_index, email_enc, email_index, wechat_enc, "
                + "name_masked, erased_at, company_id, source FROM contact WHERE id = ?1", id).get(0);
        for (int i = 0; i < 7; i++) {
            assertNull(row[i], "column " + i + " blanked");
        }
        assertTrue(row[7] != null && row[8] != null && "名片".equals(row[9]), "tombstone kept");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'contact' AND entity_id = ?1 "
                + "AND action = 'erase'", id));
        // the history keeps masked values only: the erasure leaves no personal data in the audit trail either
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM audit_field_change f JOIN audit_event e ON e.id = f.audit_event_id "
                + "WHERE e.entity_type = 'contact' AND e.entity_id = ?1 AND (f.old_value = ?2 OR f.new_value = ?2)", id, phone));
        as(Tokens.OFFICER).queryParam("field", "PHONE").when().post("/api/contacts/" + id + "/reveal").then().statusCode(409);
        as(Tokens.MANAGER).when().post("/api/contacts/" + id + "/erase").then().statusCode(409);
        as(Tokens.OFFICER).contentType(ContentType.JSON).body(Map.of()).when().get("/api/contacts/" + id)
                .then().statusCode(200).body("erased", equalTo(true));
    }

    @Test
    void editKeepsUnsentPersonalFieldsAndRecordsMaskedFieldHistory() {
        String phone = TestData.mobile();
        long id = companyWithContact(phone, "old@example.com");
        Map<String, Object> body = TestData.contact(null, null, "new@example.com");
        body.put("title", "管理合伙人");
        body.put("version", 0);
        as(Tokens.OFFICER).body(body).when().put("/api/contacts/" + id).then().statusCode(200)
                .body("email", equalTo("n***@example.com")).body("name", equalTo("张**")).body("title", equalTo("管理合伙人"));
        as(Tokens.OFFICER).body(body).when().put("/api/contacts/" + id).then().statusCode(409).body("code", equalTo("conflict.stale"));
        as(Tokens.OFFICER).when().get("/api/contacts/" + id + "/history").then().statusCode(200)
                .body("find { it.action == 'update' }.changes.field", hasItem("email"))
                .body("find { it.action == 'update' }.changes.after", hasItem("n***@example.com"))
                .body("find { it.action == 'update' }.changes.after", not(hasItem("new@example.com")));
    }

    @Test
    void badInputIsRefusedWithEveryViolationAndWritesNothing() {
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company());
        Map<String, Object> body = TestData.contact("", "abc", "not-an-email");
        body.put("source", "");
        body.put("wechat", "x");
        as(Tokens.OFFICER).header("Accept-Language", "en").body(body).when().post("/api/companies/" + company + "/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("name")).body("violations.field", hasItem("phone"))
                .body("violations.field", hasItem("email")).body("violations.field", hasItem("source"))
                .body("violations.field", hasItem("wechat"));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM contact WHERE company_id = ?1", company));
        as(Tokens.OFFICER).queryParam("field", "SHOE_SIZE").when().post("/api/contacts/1/reveal").then().statusCode(400);
        as(Tokens.OFFICER).when().get("/api/contacts/987654321").then().statusCode(404).body("code", equalTo("contact.not-found"));
    }
}
