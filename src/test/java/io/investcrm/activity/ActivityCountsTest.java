package io.investcrm.activity;

import static io.investcrm.activity.ActivityResourceTest.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The activity counts the dashboard reads (issue 10, V017) are kept in the writes' own transactions: after a log, a
 * correction, a firm's zone change, a merge and a deletion they equal a recount from the detail rows, and the
 * dashboard's figure (per zone too) moves in the very next request and equals the rows behind it.
 */
@QuarkusTest
class ActivityCountsTest {

    @Inject
    EntityManager em;

    /** The kept counts (days and weeks) that are not zero and the recount from activities, officers and firms: equal. */
    void assertCountsEqualRecount(String after) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<String> kept = rows("SELECT zone_code, day, username, n FROM activity_day_count WHERE n <> 0");
            List<String> recount = rows("SELECT zone_code, day, username, n FROM (" + ActivityCounts.RECOUNT + ") r");
            assertEquals(recount, kept, "kept counts after " + after);
            assertEquals(rows("SELECT zone_code, week, username, n FROM (" + ActivityCounts.RECOUNT_WEEKS + ") r"),
                    rows("SELECT zone_code, week, username, n FROM activity_week_count WHERE n <> 0"), "week counts after " + after);
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql) {
        return ((List<Object[]>) em.createNativeQuery(sql).getResultList()).stream()
                .map(r -> r[0] + "|" + r[1] + "|" + r[2] + "|" + ((Number) r[3]).longValue()).sorted().toList();
    }

    static long company(String zone) {
        Map<String, Object> body = TestData.company();
        body.put("preferredZone", zone);
        return TestData.createCompany(Tokens.OFFICER, body);
    }

    /** The dashboard's activity total of officer2 (who takes part in every activity here) for a zone, or all. */
    static long total(String zone) {
        String q = "?officer=" + Tokens.OFFICER_2 + (zone == null ? "" : "&zone=" + zone);
        long figure = as(Tokens.MANAGER).get("/api/dashboard" + q).then().statusCode(200).extract().jsonPath().getLong("activityTotal");
        int rows = as(Tokens.MANAGER).get("/api/dashboard/rows" + q + "&figure=activities&value=").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
        assertEquals(rows, figure, "the figure equals the rows behind it, zone " + zone);
        return figure;
    }

    static Map<String, Object> activity(List<Long> companies, LocalDateTime at, Integer version) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "VISIT");
        body.put("companyIds", companies);
        body.put("summary", "拜访，计数校验");
        body.put("officers", List.of(Tokens.OFFICER_2));
        if (at != null) {
            body.put("occurredAt", at.withNano(0).toString());
        }
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    @Test
    void countsFollowLogsCorrectionsZoneChangesMergesAndDeletions() {
        // officer2 takes part in every activity here: known to the user directory once signed in
        TestData.signIn(Tokens.OFFICER_2);
        long hetao = company("hetao");
        long cbd = company("futian-cbd");
        long all = total(null);
        long inHetao = total("hetao");
        long inCbd = total("futian-cbd");

        // one activity naming firms of two zones counts once overall and once in each zone
        var logged = as(Tokens.OFFICER).body(activity(List.of(hetao, cbd), null, null)).post("/api/activities").then()
                .statusCode(201).extract().jsonPath();
        long id = logged.getLong("id");
        assertEquals(all + 1, total(null));
        assertEquals(inHetao + 1, total("hetao"));
        assertEquals(inCbd + 1, total("futian-cbd"));
        assertCountsEqualRecount("a log");

        // corrected to another day and one firm: it leaves 河套's count and its old day
        int version = as(Tokens.OFFICER).body(activity(List.of(cbd), LocalDateTime.now().minusDays(3), logged.getInt("version")))
                .put("/api/activities/" + id).then().statusCode(200).extract().path("version");
        assertEquals(inHetao, total("hetao"));
        assertEquals(inCbd + 1, total("futian-cbd"));
        assertEquals(all + 1, total(null));
        assertCountsEqualRecount("a correction");

        // the firm moves to another zone: so does its activity
        Map<String, Object> firm = as(Tokens.OFFICER).get("/api/companies/" + cbd).then().statusCode(200).extract().jsonPath()
                .getMap("$");
        Map<String, Object> form = TestData.company((String) firm.get("nameZh"), (String) firm.get("nameEn"));
        form.put("creditCode", firm.get("creditCode"));
        form.put("version", firm.get("version"));
        form.put("preferredZone", "hetao");
        as(Tokens.OFFICER).body(form).put("/api/companies/" + cbd).then().statusCode(200);
        assertEquals(inCbd, total("futian-cbd"));
        assertEquals(inHetao + 1, total("hetao"));
        assertCountsEqualRecount("a zone change");

        // merged into a firm without a zone: the activity now names no zoned firm
        long plain = TestData.createCompany(Tokens.OFFICER, TestData.company());
        int survivorVersion = as(Tokens.OFFICER).get("/api/companies/" + plain).then().extract().path("version");
        int loserVersion = as(Tokens.OFFICER).get("/api/companies/" + cbd).then().extract().path("version");
        as(Tokens.MANAGER).body(Map.of("survivorId", plain, "loserId", cbd, "survivorVersion", survivorVersion,
                "loserVersion", loserVersion)).post("/api/companies/merge").then().statusCode(200);
        assertEquals(inHetao, total("hetao"));
        assertEquals(all + 1, total(null));
        assertCountsEqualRecount("a merge");

        as(Tokens.OFFICER).delete("/api/activities/" + id + "?version=" + version).then().statusCode(204);
        assertEquals(all, total(null));
        assertCountsEqualRecount("a deletion");
    }
}
