package io.investcrm.offer;

import static io.investcrm.offer.OfferFixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** The offer letter (方案函) as PDF: a PDF library reads the terms, the clause and the approvers back, in Chinese and English. */
@QuarkusTest
class OfferLetterTest {

    @BeforeEach
    void knownUsers() {
        for (String u : List.of(Tokens.OFFICER, Tokens.OFFICER_OTHER_TEAM, Tokens.MANAGER, Tokens.APPROVER, Tokens.ADMIN)) {
            TestData.signIn(u);
        }
    }

    @Test
    void aSubsidyLetterCarriesTheAmountClauseConditionsAndApproversOnceIssued() throws IOException {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        String name = as(Tokens.OFFICER).get("/api/companies/" + company).then().extract().path("nameZh");
        long policy = OfferFixtures.createPolicy("50000000");
        Map<String, Object> terms = OfferFixtures.subsidyFrom(company, policy, "800000");
        terms.put("policyBasis", "福田区支持总部经济发展若干措施 第五条");
        terms.put("minLocalTaxCny", new BigDecimal("5000000"));
        terms.put("minHeadcount", 50);
        terms.put("stayYears", 5);
        terms.put("clawback", "未达条件按比例追回");
        long id = TestData.submittedOffer(Tokens.OFFICER, terms);
        String title = as(Tokens.OFFICER).get("/api/offers/" + id).then().extract().path("title");

        // no letter before it is issued: 409 with the code, and nothing is written
        as(Tokens.OFFICER).get("/api/offers/" + id + "/letter").then().statusCode(409)
                .body("code", equalTo("offer.letter-not-issued"));
        as(Tokens.APPROVER).post("/api/offers/" + id + "/approve").then().statusCode(200);
        as(Tokens.OFFICER).get("/api/offers/" + id + "/letter").then().statusCode(409);
        as(Tokens.OFFICER).post("/api/offers/" + id + "/issue").then().statusCode(200);

        String zh = text(as(Tokens.OFFICER).get("/api/offers/" + id + "/letter").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray());
        assertTrue(zh.contains("招商方案函"), zh);
        assertTrue(zh.contains("致：" + name), zh);
        assertTrue(zh.contains(title), zh);
        assertTrue(zh.contains("补贴金额（元）：800,000.00"), zh);
        assertTrue(zh.contains("补贴类别：落户奖励"), zh);
        assertTrue(zh.contains("政策依据：福田区支持总部经济发展若干措施 第五条"), zh);
        assertTrue(zh.contains("期限（月）：36"), zh);
        assertTrue(zh.contains("年度地方财力贡献不低于（元）：5,000,000.00"), zh);
        assertTrue(zh.contains("用工人数不低于：50"), zh);
        assertTrue(zh.contains("在福田经营不少于（年）：5"), zh);
        assertTrue(zh.contains("未达条件的追回条款：未达条件按比例追回"), zh);
        assertTrue(zh.contains("科室负责人：" + Tokens.APPROVER + " · 20"), zh);
        assertTrue(zh.contains("本函有效期至"), zh);

        String en = text(as(Tokens.APPROVER).get("/api/offers/" + id + "/letter?lang=en").then().statusCode(200)
                .extract().asByteArray());
        assertTrue(en.contains("Offer letter"), en);
        assertTrue(en.contains(name), en);
        assertTrue(en.contains("800,000.00"), en);
        assertTrue(en.contains("Section chief: " + Tokens.APPROVER), en);
        assertTrue(en.contains("This letter stands until"), en);

        // the letter is as visible as the offer: another team's officer does not learn it exists
        as(Tokens.OFFICER_OTHER_TEAM).get("/api/offers/" + id + "/letter").then().statusCode(404);
        // and it stays with the company's answer
        as(Tokens.OFFICER).body(Map.of("outcome", "ACCEPTED")).post("/api/offers/" + id + "/outcome").then().statusCode(200);
        as(Tokens.OFFICER).get("/api/offers/" + id + "/letter").then().statusCode(200);
    }

    @Test
    void aSpaceLetterCarriesTheBuildingAreaRentAndTerm() throws IOException {
        long company = TestData.pursuedCompany(Tokens.OFFICER);
        long building = OfferFixtures.createBuilding("5000");
        Map<String, Object> terms = OfferFixtures.spaceIn(company, building, "480.5");
        terms.put("unitLabel", "18 层 1801");
        terms.put("discountPct", new BigDecimal("10"));
        long id = TestData.submittedOffer(Tokens.OFFICER, terms);
        as(Tokens.APPROVER).body(Map.of("reason", "符合片区定位")).post("/api/offers/" + id + "/approve").then().statusCode(200);
        as(Tokens.OFFICER).post("/api/offers/" + id + "/issue").then().statusCode(200);
        String buildingName = as(Tokens.ADMIN).get("/api/space/buildings/" + building).then().extract().path("name");

        String zh = text(as(Tokens.OFFICER).get("/api/offers/" + id + "/letter").then().statusCode(200).extract()
                .asByteArray());
        assertTrue(zh.contains("片区：六(二)4 华强-上步"), zh);
        assertTrue(zh.contains(buildingName), zh);
        assertTrue(zh.contains("单元或楼层：18 层 1801"), zh);
        assertTrue(zh.contains("面积（平方米）：480.50"), zh);
        assertTrue(zh.contains("月租金（元/平方米）：135.50"), zh);
        assertTrue(zh.contains("租金折扣（%）：10.00"), zh);
        assertTrue(zh.contains("免租期（月）：3"), zh);
        assertTrue(zh.contains("附加条件：注册地及纳统在福田"), zh);
        assertTrue(zh.contains("科室负责人：" + Tokens.APPROVER), zh);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
