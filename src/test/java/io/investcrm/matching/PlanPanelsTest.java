package io.investcrm.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.support.PageSession;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plan's section and zone pages take their panels from the features (plan/PlanPanel): matching's best-fitting
 * firms for those who work companies, offer's free space in the zone for everyone who browses the plan; the gap view
 * is matching's page at the same URL, for officers, managers and admins.
 */
@QuarkusTest
class PlanPanelsTest {

    static final String SECTION = "/plan/sections/" + URLEncoder.encode("五(二)1", StandardCharsets.UTF_8);
    static final String ZONE = "/plan/zones/huaqiang-shangbu";

    static boolean created;

    /** Once per class, but with the app up (RestAssured knows its port only then). */
    @BeforeEach
    void aFittingCompany() {
        if (created) {
            return;
        }
        created = true;
        Map<String, Object> body = TestData.company("华强北面板测试终端" + TestData.next() + "有限公司", "Panel Test Devices");
        body.put("industries", List.of("sci-tech.smart-terminals"));
        body.put("businessActivities", "智能终端，可穿戴设备");
        TestData.createCompany(Tokens.OFFICER, body);
    }

    @Test
    void anOfficerSeesCandidatesAndFreeSpaceAndTheGaps() {
        PageSession officer = PageSession.signIn(Tokens.OFFICER, "/plan");
        String zone = page(officer, ZONE, 200);
        assertTrue(zone.contains("id=\"candidates\""), "zone page: matching's candidates");
        assertTrue(zone.contains("id=\"space-panel\""), "zone page: offer's free space");
        assertTrue(zone.indexOf("id=\"candidates\"") < zone.indexOf("id=\"space-panel\""), "candidates come first");
        String section = page(officer, SECTION, 200);
        assertTrue(section.contains("id=\"candidates\""), "section page: matching's candidates");
        assertFalse(section.contains("id=\"space-panel\""), "free space is a zone's, not a section's");
        assertTrue(page(officer, "/plan/gaps", 200).contains("id=\"gaps\""));
    }

    @Test
    void anApproverBrowsesThePlanWithoutTheRegister() {
        PageSession approver = PageSession.signIn(Tokens.APPROVER, "/plan");
        String zone = page(approver, ZONE, 200);
        assertFalse(zone.contains("id=\"candidates\""), "no companies for an approver");
        assertTrue(zone.contains("id=\"space-panel\""));
        assertFalse(page(approver, SECTION, 200).contains("id=\"candidates\""));
        page(approver, "/plan/gaps", 403);
    }

    private static String page(PageSession session, String path, int status) {
        HttpResponse<String> response = session.get(path, Map.of());
        assertEquals(status, response.statusCode(), path);
        return response.body();
    }
}
