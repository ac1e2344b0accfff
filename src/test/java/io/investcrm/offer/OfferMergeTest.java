package io.investcrm.offer;

import static io.investcrm.offer.OfferFixtures.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Issue 11 and a company merge: the loser's offers count for the survivor's group, so a merge cannot split a tier. */
@QuarkusTest
class OfferMergeTest {

    @BeforeEach
    void knownUsers() {
        for (String u : List.of(Tokens.OFFICER, Tokens.MANAGER, Tokens.APPROVER)) {
            TestData.signIn(u);
        }
    }

    @Test
    void theLosersOffersAddUpWithTheSurvivorsAfterAMerge() {
        long survivor = TestData.pursuedCompany(Tokens.OFFICER);
        long loser = TestData.createCompany(Tokens.OFFICER, TestData.company());
        long before = TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(loser, "800000"));

        JsonPath preview = as(Tokens.MANAGER).queryParam("loser", loser).get("/api/companies/" + survivor + "/merge-preview")
                .then().statusCode(200).extract().jsonPath();
        as(Tokens.MANAGER).body(Map.of("survivorId", survivor, "loserId", loser, "survivorVersion",
                preview.getInt("survivorVersion"), "loserVersion", preview.getInt("loserVersion")))
                .post("/api/companies/merge").then().statusCode(200);
        as(Tokens.MANAGER).get("/api/offers/" + before).then().body("companyId", equalTo((int) survivor));

        // 0.8 M made to the loser + 0.3 M now to the survivor = 1.1 M to one group: the district leader's step too
        long after = TestData.submittedOffer(Tokens.OFFICER, TestData.subsidyOffer(survivor, "300000"));
        as(Tokens.OFFICER).get("/api/offers/" + after).then().body("stepCount", equalTo(2));
    }
}
