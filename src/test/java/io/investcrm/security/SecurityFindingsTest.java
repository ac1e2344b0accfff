package io.investcrm.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.POST;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.investcrm.company.contact.PiiReEncryption;
import io.investcrm.support.KeycloakTestResource;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The twelve findings of issue 13, each with the request that showed it, against the real app, database and Keycloak.
 * Every test here failed before its fix.
 */
@QuarkusTest
class SecurityFindingsTest {

    @Inject
    EntityManager em;

    @Inject
    PiiReEncryption reEncryption;

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "investcrm.rate-limit.reveal-per-minute")
    int revealLimit;

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    String base() {
        String s = base.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** A company officer1 pursues for team-a: hidden from officer3 (team-b). */
    static long hiddenFromOtherTeam(Map<String, Object> company) {
        long id = TestData.createCompany(Tokens.OFFICER, company);
        TestData.startProspect(Tokens.OFFICER, id, Map.of());
        as(Tokens.OFFICER_OTHER_TEAM).get("/api/companies/" + id).then().statusCode(404);
        return id;
    }

    List<Object[]> rows(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            @SuppressWarnings("unchecked")
            List<Object> r = q.getResultList();
            return r.stream().map(o -> o instanceof Object[] a ? a : new Object[] { o }).toList();
        });
    }

    // ---- #2 erasure leaves nothing personal, field by field

    @Test
    void erasureLeavesNothingPersonalInTheContactOrItsHistory() {
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company());
        Map<String, Object> body = TestData.contact("欧阳娜娜", TestData.mobile(), "nana@example.com");
        body.put("title", "首席财务官");
        body.put("consentNote", "2026-11-02 在展会上口头同意，电话 13912345678");
        body.put("wechat", "nana_wx_2026");
        long contact = TestData.createContact(Tokens.OFFICER, company, body);
        Map<String, Object> edit = TestData.contact(null, TestData.mobile(), null);
        edit.put("title", "总经理");
        edit.put("version", 0);
        as(Tokens.OFFICER).body(edit).put("/api/contacts/" + contact).then().statusCode(200);

        as(Tokens.MANAGER).queryParam("reason", "欧阳娜娜本人来电要求删除").post("/api/contacts/" + contact + "/erase")
                .then().statusCode(200).body("erased", equalTo(true)).body("title", nullValue()).body("consentNote", nullValue());

        Object[] row = rows("SELECT name_enc, name_masked, title, phone_enc, phone_masked, phone_index, email_enc, email_masked, "
                + "email_index, wechat_enc, wechat_masked, consent_note FROM contact WHERE id = ?1", contact).get(0);
        for (int i = 0; i < row.length; i++) {
            assertEquals(null, row[i], "contact column " + i + " after erasure");
        }
        List<Object[]> history = rows("SELECT f.field, f.old_value, f.new_value FROM audit_field_change f JOIN audit_event e "
                + "ON e.id = f.audit_event_id WHERE e.entity_type = 'contact' AND e.entity_id = ?1", contact);
        assertFalse(history.isEmpty(), "the history still says which fields changed");
        for (Object[] change : history) {
            if (List.of("name", "title", "phone", "email", "wechat", "consentNote").contains((String) change[0])) {
                assertEquals(null, change[1], "old " + change[0]);
                assertEquals(null, change[2], "new " + change[0]);
            }
        }
        List<Object[]> details = rows("SELECT COALESCE(detail, '') FROM audit_event WHERE entity_type = 'contact' AND entity_id = ?1",
                contact);
        details.forEach(d -> assertFalse(((String) d[0]).contains("欧阳"), "event detail " + d[0]));
        as(Tokens.OFFICER).get("/api/contacts/" + contact + "/history").then().statusCode(200)
                .body(not(containsString("139"))).body(not(containsString("首席"))).body(not(containsString("展会")));
    }

    /**
     * Erasure reaches the visit log: every way the person was written (full name, given name, surname with a form of
     * address, phone however spaced, e-mail, WeChat ID) leaves each free-text field of the activities of their firm —
     * the live ones, a corrected one's history, a deleted one's history — the follow-ups and the reminders quoting
     * them; the rest of each note stays, and an activity of another firm is not touched.
     */
    @Test
    void erasureTakesThePersonOutOfTheVisitLogFieldByField() {
        TestData.signIn(Tokens.MANAGER);
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        String phone = "139" + String.format("%08d", TestData.next() % 100_000_000);
        String spaced = phone.substring(0, 3) + " " + phone.substring(3, 7) + "-" + phone.substring(7);
        String wechat = "nana_wx_" + TestData.next();
        Map<String, Object> person = TestData.contact("欧阳娜娜", phone, "Nana.OuYang@example.com");
        person.put("wechat", wechat);
        long contact = TestData.createContact(Tokens.OFFICER, company, person);

        Map<String, Object> visit = new HashMap<>();
        visit.put("kind", "VISIT");
        visit.put("companyIds", List.of(company));
        visit.put("contactIds", List.of(contact));
        visit.put("place", "欧阳娜娜的办公室");
        visit.put("summary", "与欧阳娜娜会面，欧阳总介绍了华南总部选址；娜娜留了手机 " + spaced + " 和邮箱 nana.ouyang@EXAMPLE.com。");
        visit.put("outcome", "欧阳经理同意下月提交方案");
        visit.put("nextStep", "加微信 " + wechat + " 发送政策包");
        visit.put("followUps", List.of(Map.of("title", "致电欧阳娜娜 +86 " + phone, "dueOn", java.time.LocalDate.now().plusDays(3).toString())));
        long named = ((Number) as(Tokens.OFFICER).body(visit).post("/api/activities").then().statusCode(201).extract().path("id")).longValue();
        // a correction keeps the named text in the history
        Map<String, Object> correction = new HashMap<>(visit);
        correction.remove("followUps");
        correction.put("version", 0);
        correction.put("occurredAt", java.time.LocalDateTime.now().minusHours(2).withNano(0).toString());
        correction.put("summary", "更正：与欧阳娜娜及其助理会面，讨论华南总部选址。");
        as(Tokens.OFFICER).body(correction).put("/api/activities/" + named).then().statusCode(200);
        // an activity of the firm she did not attend, deleted: only its history holds her name
        Map<String, Object> other = new HashMap<>(visit);
        other.remove("contactIds");
        other.remove("followUps");
        other.put("summary", "电话跟进，欧阳女士的助理说欧阳娜娜出差。");
        long deleted = ((Number) as(Tokens.OFFICER).body(other).post("/api/activities").then().statusCode(201).extract().path("id")).longValue();
        as(Tokens.OFFICER).delete("/api/activities/" + deleted + "?version=0").then().statusCode(204);
        // another firm's note is that firm's record
        long elsewhere = TestData.createCompany(Tokens.OFFICER, TestData.company());
        Map<String, Object> foreign = new HashMap<>(other);
        foreign.put("companyIds", List.of(elsewhere));
        foreign.put("summary", "他司会议上提到欧阳娜娜。");
        long untouched = ((Number) as(Tokens.OFFICER).body(foreign).post("/api/activities").then().statusCode(201).extract().path("id")).longValue();
        long followUp = ((Number) rows("SELECT id FROM follow_up WHERE activity_id = ?1", named).get(0)[0]).longValue();
        String title = (String) rows("SELECT title FROM follow_up WHERE id = ?1", followUp).get(0)[0];
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO notification (recipient, kind, message_key, "
                + "args, link, created_at) VALUES ('officer1', 'REMINDER', 'activity.reminder.due', ?1, '/tasks', ?2)")
                .setParameter(1, title + "\u001f某公司\u001f2026-12-04\u001fofficer1").setParameter(2, java.time.LocalDateTime.now())
                .executeUpdate());

        as(Tokens.MANAGER).post("/api/contacts/" + contact + "/erase").then().statusCode(200);

        List<String> traces = List.of("欧阳", "娜娜", phone.substring(3), phone.substring(7), "nana", wechat);
        Object[] activity = rows("SELECT place, summary, outcome, next_step, version FROM activity WHERE id = ?1", named).get(0);
        for (int i = 0; i < 4; i++) {
            for (String trace : traces) {
                assertFalse(String.valueOf(activity[i]).toLowerCase().contains(trace), "activity column " + i + ": " + activity[i]);
            }
        }
        assertEquals("***的办公室", activity[0]);
        assertEquals("更正：与***及其助理会面，讨论华南总部选址。", activity[1]);
        assertEquals("***同意下月提交方案", activity[2]);
        assertEquals("加微信 *** 发送政策包", activity[3]);
        assertEquals(2, ((Number) activity[4]).intValue(), "a new version: an edit begun before the erasure is refused");
        assertEquals("致电*** +86 ***", rows("SELECT title FROM follow_up WHERE id = ?1", followUp).get(0)[0]);
        List<Object[]> reminders = rows("SELECT args FROM notification WHERE args LIKE ?1", "致电*** +86 ***\u001f%");
        assertEquals(1, reminders.size(), "the reminder quotes the redacted title");
        List<Object[]> history = rows("SELECT COALESCE(f.old_value, ''), COALESCE(f.new_value, '') FROM audit_field_change f "
                + "JOIN audit_event e ON e.id = f.audit_event_id WHERE e.entity_type = 'activity' AND e.entity_id IN (?1, ?2)",
                named, deleted);
        assertFalse(history.isEmpty());
        for (Object[] change : history) {
            for (String trace : traces) {
                assertFalse((change[0] + " " + change[1]).toLowerCase().contains(trace), "history: " + change[0] + " → " + change[1]);
            }
        }
        assertTrue(history.stream().anyMatch(c -> ("" + c[0]).contains("与***会面，***介绍了华南总部选址；***留了手机 *** 和邮箱 ***。")),
                "the corrected summary's old value is kept, without her");
        assertTrue(history.stream().anyMatch(c -> ("" + c[0]).equals("电话跟进，***的助理说***出差。")), "the deleted note's history");
        assertEquals("他司会议上提到欧阳娜娜。", rows("SELECT summary FROM activity WHERE id = ?1", untouched).get(0)[0]);
        as(Tokens.OFFICER).get("/api/companies/" + company + "/timeline").then().statusCode(200)
                .body(not(containsString("欧阳"))).body(not(containsString("娜娜"))).body(not(containsString(wechat)));
        as(Tokens.OFFICER).get("/api/activities/" + named + "/history").then().statusCode(200)
                .body(not(containsString("欧阳"))).body(not(containsString(phone.substring(7))));
        assertEquals(1L, ((Number) rows("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'activity' AND entity_id = ?1 "
                + "AND action = 'redact' AND detail = ?2", named, "contact " + contact).get(0)[0]).longValue());
    }

    // ---- #3 hidden companies do not leak through duplicates, creation, group, rankings

    @Test
    void duplicateCheckSaysAHiddenRecordExistsNeverWhichOne() {
        Map<String, Object> firm = TestData.company();
        long hidden = hiddenFromOtherTeam(firm);
        Map<String, Object> same = TestData.company();
        same.put("creditCode", firm.get("creditCode"));
        as(Tokens.OFFICER_OTHER_TEAM).body(same).post("/api/companies/duplicate-check").then().statusCode(200)
                .body("companyId", everyItem(not(equalTo((int) hidden))))
                .body("find { it.hidden }.displayName", nullValue())
                .body("find { it.hidden }.creditCode", nullValue())
                .body("hidden", hasItem(true))
                .body(not(containsString((String) firm.get("nameZh"))));
        as(Tokens.OFFICER_OTHER_TEAM).header("Accept-Language", "en").body(same).post("/api/companies").then().statusCode(400)
                .body("violations.message", hasItem(containsString("cannot see")))
                .body(not(containsString(String.valueOf(hidden))));
        // who may see it is told which it is
        as(Tokens.OFFICER_2).body(same).post("/api/companies/duplicate-check").then().statusCode(200)
                .body("companyId", hasItem((int) hidden));
    }

    @Test
    void theGroupViewLeavesHiddenParentsAndChildrenOut() {
        long parent = TestData.createCompany(Tokens.OFFICER, TestData.company());
        Map<String, Object> child = TestData.company();
        child.put("parentId", parent);
        long childId = TestData.createCompany(Tokens.OFFICER, child);
        Map<String, Object> sibling = TestData.company();
        sibling.put("parentId", childId);
        long grandchild = TestData.createCompany(Tokens.OFFICER, sibling);
        TestData.startProspect(Tokens.OFFICER, parent, Map.of());
        TestData.startProspect(Tokens.OFFICER, grandchild, Map.of());
        as(Tokens.OFFICER_OTHER_TEAM).get("/api/companies/" + childId + "/group").then().statusCode(200)
                .body("parent", nullValue()).body("top", nullValue()).body("children", org.hamcrest.Matchers.empty());
        as(Tokens.OFFICER).get("/api/companies/" + childId + "/group").then().statusCode(200)
                .body("parent.id", equalTo((int) parent)).body("children.id", hasItem((int) grandchild));
    }

    @Test
    void rankingEntriesAndTheirExportHideTheLinkOfAHiddenPursuit() {
        Map<String, Object> firm = TestData.company();
        long hidden = hiddenFromOtherTeam(firm);
        Number list = as(Tokens.MANAGER).body(Map.of("code", "sec-" + TestData.next(), "year", 2024, "nameZh", "安全测试榜",
                "nameEn", "Security list", "scope", "MAINLAND")).post("/api/rankings").then().statusCode(201).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO ranking_entry (list_id, rank_no, "
                + "entry_name, company_id, link_status) VALUES (?1, 1, ?2, ?3, 'CONFIRMED')").setParameter(1, list)
                .setParameter(2, "公开榜单名称").setParameter(3, hidden).executeUpdate());
        as(Tokens.OFFICER_OTHER_TEAM).get("/api/rankings/" + list + "/entries").then().statusCode(200)
                .body("items[0].name", equalTo("公开榜单名称"))
                .body("items[0].companyId", nullValue()).body("items[0].companyName", nullValue())
                .body("items[0].stage", nullValue());
        as(Tokens.OFFICER_OTHER_TEAM).queryParam("coverage", "UNTOUCHED").get("/api/rankings/" + list + "/entries").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.empty());
        String csv = given().header("Authorization", Tokens.bearer(Tokens.OFFICER_OTHER_TEAM)).accept("text/csv")
                .get("/api/rankings/" + list + "/export?format=csv").then().statusCode(200).extract().asString();
        assertFalse(csv.contains((String) firm.get("nameZh")), csv);
        assertFalse(csv.contains("LEAD") || csv.contains("线索"), csv);
        as(Tokens.OFFICER).get("/api/rankings/" + list + "/entries").then().statusCode(200)
                .body("items[0].companyId", equalTo((int) hidden)).body("items[0].stage", equalTo("LEAD"));
    }

    // ---- #4 the leader named when starting a pursuit

    @Test
    void anOfficerCannotNameAnotherTeamsOfficerAsLeader() {
        TestData.signIn(Tokens.OFFICER_OTHER_TEAM);
        TestData.signIn(Tokens.OFFICER_2);
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company());
        as(Tokens.OFFICER).body(Map.of("leader", Tokens.OFFICER_OTHER_TEAM)).post("/api/companies/" + company + "/prospect")
                .then().statusCode(403).body("code", equalTo("prospect.leader.managers-only"));
        as(Tokens.OFFICER_OTHER_TEAM).get("/api/companies/" + company + "/prospect").then().statusCode(404);
        TestData.startProspect(Tokens.OFFICER, company, Map.of("leader", Tokens.OFFICER_2));
        long other = TestData.createCompany(Tokens.MANAGER, TestData.company());
        TestData.startProspect(Tokens.MANAGER, other, Map.of("leader", Tokens.OFFICER_OTHER_TEAM));
    }

    // ---- #5 admins and personal data: one rule

    @Test
    void adminsNeverReadPersonalDataInFullManagersDo() {
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company());
        long contact = TestData.createContact(Tokens.OFFICER, company, TestData.contact("司马光", TestData.mobile(), "sima@example.com"));
        as(Tokens.ADMIN).post("/api/contacts/" + contact + "/reveal?field=PHONE").then().statusCode(403);
        as(Tokens.ADMIN).get("/api/contacts/" + contact + "/personal-data").then().statusCode(403)
                .body("code", equalTo("contact.export.forbidden"));
        as(Tokens.APPROVER).get("/api/contacts/" + contact + "/personal-data").then().statusCode(403);
        as(Tokens.MANAGER).get("/api/contacts/" + contact + "/personal-data").then().statusCode(200)
                .body("name", equalTo("司马光"));
        as(Tokens.ADMIN).get("/api/contacts/" + contact).then().statusCode(200).body("name", equalTo("司**"));
    }

    // ---- #9 bearer audience, direct grants

    @Test
    void aTokenIssuedToAnotherClientOfTheRealmIsRefused() {
        // admin-cli exists in every realm and allows password grants: its tokens are not meant for this app
        String foreign = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", Tokens.OFFICER).formParam("password", Tokens.OFFICER)
                .post(KeycloakTestResource.REALM_URL + "/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        given().header("Authorization", "Bearer " + foreign).accept(ContentType.JSON).get("/api/companies").then().statusCode(401);
        as(Tokens.OFFICER).get("/api/companies").then().statusCode(200);
    }

    @Test
    void theAppsOwnClientAllowsNoPasswordGrantAndPrivilegedUsersNeedASecondFactor() {
        given().formParam("grant_type", "password").formParam("client_id", "investcrm-app")
                .formParam("client_secret", "investcrm-dev-secret").formParam("username", Tokens.OFFICER)
                .formParam("password", Tokens.OFFICER).post(KeycloakTestResource.REALM_URL + "/protocol/openid-connect/token")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(401)));
        given().formParam("grant_type", "password").formParam("client_id", Tokens.CLIENT_ID)
                .formParam("client_secret", Tokens.CLIENT_SECRET).formParam("username", Tokens.MANAGER)
                .formParam("password", Tokens.MANAGER).post(KeycloakTestResource.REALM_URL + "/protocol/openid-connect/token")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(401))).body("error", equalTo("invalid_grant"));
    }

    // ---- #10 PII ciphertexts bound to row and field; old ones re-encrypted

    @Test
    void aCiphertextCopiedToAnotherContactDoesNotRevealAndLegacyValuesAreRewritten() throws Exception {
        long company = TestData.createCompany(Tokens.OFFICER, TestData.company());
        long a = TestData.createContact(Tokens.OFFICER, company, TestData.contact("甲", TestData.mobile(), null));
        long b = TestData.createContact(Tokens.OFFICER, company, TestData.contact("乙", TestData.mobile(), null));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE contact SET phone_enc = "
                + "(SELECT x.phone_enc FROM (SELECT phone_enc FROM contact WHERE id = ?1) x) WHERE id = ?2")
                .setParameter(1, a).setParameter(2, b).executeUpdate());
        as(Tokens.MANAGER).post("/api/contacts/" + b + "/reveal?field=PHONE").then().statusCode(500);

        // a value of the first stored form (v1: header-only associated data) is rewritten as v2 and still reveals
        String v1 = legacyV1("13700001111");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE contact SET phone_enc = ?1 WHERE id = ?2")
                .setParameter(1, v1).setParameter(2, a).executeUpdate());
        assertTrue(reEncryption.run() >= 1);
        String stored = (String) rows("SELECT phone_enc FROM contact WHERE id = ?1", a).get(0)[0];
        assertTrue(stored.startsWith("v2:local:"), stored);
        as(Tokens.MANAGER).post("/api/contacts/" + a + "/reveal?field=PHONE").then().statusCode(200)
                .body("value", equalTo("13700001111"));
    }

    static String legacyV1(String plain) throws Exception {
        byte[] key = Base64.getDecoder().decode("bG9jYWwtb25seS1waWkta2V5LTAxMjM0NTY3ODkwMTI=");
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD("v1:local".getBytes(StandardCharsets.US_ASCII));
        byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        return "v1:local:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
    }

    // ---- #6 and #11 CSRF on every state-changing page route, whatever the content type; bad tokens are 400

    @Test
    void everyPagePostRefusesAMissingWrongOrMalformedTokenWhateverTheContentType() throws Exception {
        PageSession page = PageSession.signIn(base(), Tokens.MANAGER);
        List<String> routes = pagePostRoutes();
        assertTrue(routes.size() >= 25, "page POST routes found: " + routes);
        List<String> wrong = new ArrayList<>();
        String wellFormedButWrong = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
        for (String route : routes) {
            Map<String, String> attempts = new HashMap<>();
            attempts.put("json", status(page.postNoRedirect(route, "application/json", "{\"nameZh\":\"x\"}")));
            attempts.put("text", status(page.postNoRedirect(route, "text/plain", "nameZh=x")));
            attempts.put("none", status(page.postNoRedirect(route, null, "nameZh=x")));
            attempts.put("form-missing", status(page.postNoRedirect(route, "application/x-www-form-urlencoded", "nameZh=x")));
            attempts.put("form-wrong", status(page.postNoRedirect(route, "application/x-www-form-urlencoded",
                    "nameZh=x&csrf-token=" + wellFormedButWrong)));
            attempts.put("form-malformed", status(page.postNoRedirect(route, "application/x-www-form-urlencoded",
                    "nameZh=x&csrf-token=%25%25not*base64!")));
            attempts.forEach((kind, status) -> {
                // refused before anything runs: 400 (or 403 where the role does not fit; 415 for a form type the route
                // never takes, e.g. url-encoded to the multipart upload)
                boolean refused = status.equals("400") || status.equals("403") || kind.startsWith("form") && status.equals("415");
                if (!refused) {
                    wrong.add(route + " " + kind + " → " + status);
                }
            });
        }
        assertEquals(List.of(), wrong);
        HttpResponse<String> json = page.postNoRedirect("/companies", "application/json", "{}");
        assertTrue(json.body().contains("csrf.form-required"), json.body());
        HttpResponse<String> malformed = page.postNoRedirect("/activities", "application/x-www-form-urlencoded",
                "csrf-token=%25%25not*base64!");
        assertEquals(400, malformed.statusCode(), malformed.body());
        // and a real form with the page's token still works
        String token = page.csrfToken("/companies/new");
        HttpResponse<String> created = page.postNoRedirect("/companies", "application/x-www-form-urlencoded",
                PageSession.form(Map.of("csrf-token", token, "nameZh", "表单测试企业" + TestData.next(), "entityRole", "HQ")));
        assertTrue(created.statusCode() == 303 || created.statusCode() == 422, "form post " + created.statusCode());
    }

    private static String status(HttpResponse<String> r) {
        return String.valueOf(r.statusCode());
    }

    static List<String> pagePostRoutes() throws Exception {
        List<String> routes = new ArrayList<>();
        for (Class<?> type : EndpointAnnotationTest.resourceClasses()) {
            String root = type.getAnnotation(jakarta.ws.rs.Path.class).value();
            if (root.startsWith("/api")) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (!m.isAnnotationPresent(POST.class)) {
                    continue;
                }
                jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                String path = ("/" + root + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                path = path.replaceAll("\\{[^}]+}", "1");
                routes.add(path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
            }
        }
        return routes;
    }

    @Test
    void theLanguageSwitchAnswers400ForAReturnPathWithBreaksNulOrQuotes() {
        for (String bad : List.of("/companies\r\nSet-Cookie: x=1", "/a\u0000b", "/\"onmouseover=alert(1)", "/a'b", "//evil.example",
                "/\\evil.example", "http://evil.example/", "/a b")) {
            given().redirects().follow(false).queryParam("return", bad).get("/lang/en").then().statusCode(400);
        }
        given().redirects().follow(false).queryParam("return", "/companies?q=华为&page=2").get("/lang/en").then()
                .statusCode(303).header("Location", containsString("/companies?q="));
        given().redirects().follow(false).get("/lang/zh-CN").then().statusCode(303);
    }

    // ---- #12 headers, cookie, limits

    @Test
    void headersForbidPluginsBaseAndForeignFormTargetsAndAskForHttps() {
        given().get("/").then()
                .header("Content-Security-Policy", containsString("object-src 'none'"))
                .header("Content-Security-Policy", containsString("base-uri 'none'"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void theCsrfCookieIsHttpOnly() {
        PageSession page = PageSession.signIn(base(), Tokens.OFFICER);
        page.csrfToken("/companies/new");
        assertTrue(page.cookies.getCookieStore().getCookies().stream().anyMatch(c -> c.getName().equals("csrf-token")));
        assertTrue(page.csrfCookieIsHttpOnly());
    }

    @Test
    void revealsAreRateLimitedPerUser() {
        long company = TestData.createCompany(Tokens.OFFICER_2, TestData.company());
        long contact = TestData.createContact(Tokens.OFFICER_2, company, TestData.contact("限流", TestData.mobile(), null));
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < revealLimit + 1; i++) {
            int s = as(Tokens.OFFICER_2).post("/api/contacts/" + contact + "/reveal?field=NAME").statusCode();
            if (s == 200) {
                ok++;
            } else if (s == 429) {
                limited++;
            }
        }
        assertTrue(ok <= revealLimit, "at most the limit: " + ok);
        assertTrue(limited >= 1, "one too many is refused");
        as(Tokens.OFFICER_2).post("/api/contacts/" + contact + "/reveal?field=NAME").then().statusCode(429)
                .body("code", equalTo("rate-limited"));
        // another user's budget is their own
        as(Tokens.MANAGER).post("/api/contacts/" + contact + "/reveal?field=NAME").then().statusCode(200)
                .body("value", notNullValue());
    }
}
