package io.investcrm.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Search on the real database: Chinese and English fragments via the bigram table, identifiers, filters, paging. */
@QuarkusTest
class CompanySearchTest {

    @Inject
    CompanyFixtures fixtures;

    static RequestSpecification officer() {
        return given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).accept(ContentType.JSON);
    }

    @Test
    void chineseFragmentsFindTheFirmAndOrderMatters() {
        int n = TestData.next();
        long id = TestData.createCompany(Tokens.OFFICER, TestData.company("深圳市鹏城" + n + "量子通信股份有限公司", "Pengcheng Quantum " + n));
        officer().queryParam("q", "鹏城" + n + "量子").when().get("/api/companies").then().statusCode(200)
                .body("items.id", contains((int) id));
        officer().queryParam("q", n + "量子通信").when().get("/api/companies").then().body("items.id", hasItem((int) id));
        // every bigram is present, but not in this order: LIKE rejects it
        officer().queryParam("q", "量子" + n + "鹏城").when().get("/api/companies").then().body("items.id", not(hasItem((int) id)));
        // Traditional characters are folded to Simplified
        officer().queryParam("q", "鵬城" + n + "量子通信").when().get("/api/companies").then().body("items.id", hasItem((int) id));
    }

    @Test
    void englishFragmentsIgnoreCaseSpacesAndPunctuation() {
        int n = TestData.next();
        long id = TestData.createCompany(Tokens.OFFICER, TestData.company("环球律师" + n, "Global-Law Partners " + n + " LLP"));
        officer().queryParam("q", "law partners " + n).when().get("/api/companies").then().body("items.id", contains((int) id));
        officer().queryParam("q", "GLOBALLAW").when().get("/api/companies").then().body("items.id", hasItem((int) id));
    }

    @Test
    void aOneCharacterQueryFallsBackToLike() {
        int n = TestData.next();
        String rare = new String(Character.toChars(0x4E00 + (n % 5000) + 8000));
        long id = TestData.createCompany(Tokens.OFFICER, TestData.company("单字" + rare + "测试" + n, null));
        officer().queryParam("q", rare).queryParam("size", 200).when().get("/api/companies").then().statusCode(200)
                .body("items.id", hasItem((int) id));
    }

    @Test
    void aWholeCreditCodeOrItsPrefixFindsTheCompany() {
        Map<String, Object> body = TestData.company();
        long id = TestData.createCompany(Tokens.OFFICER, body);
        String code = (String) body.get("creditCode");
        officer().queryParam("q", code.toLowerCase()).when().get("/api/companies").then().body("items.id", contains((int) id));
        officer().queryParam("creditCode", code.substring(0, 14)).when().get("/api/companies").then()
                .body("items.id", hasItem((int) id)).body("items.creditCode", everyItem(org.hamcrest.Matchers.startsWith(code.substring(0, 14))));
    }

    @Test
    void filtersByIndustryWithSubIndustriesZoneStageAndOwner() {
        int n = TestData.next();
        Map<String, Object> body = TestData.company("筛选测试科技" + n, "Filter Test " + n);
        body.put("industries", List.of("sci-tech.semiconductor.ic-design"));
        body.put("preferredZone", "hetao");
        long id = TestData.createCompany(Tokens.OFFICER, body);
        officer().queryParam("q", "筛选测试科技" + n).queryParam("industry", "sci-tech.semiconductor").when().get("/api/companies")
                .then().body("items.id", contains((int) id));
        officer().queryParam("q", "筛选测试科技" + n).queryParam("industry", "finance").when().get("/api/companies")
                .then().body("total", equalTo(0));
        officer().queryParam("q", "筛选测试科技" + n).queryParam("zone", "hetao").queryParam("stage", "NONE")
                .when().get("/api/companies").then().body("items.id", contains((int) id));
        fixtures.prospect(id, "VISITED", Tokens.OFFICER_2);
        officer().queryParam("q", "筛选测试科技" + n).queryParam("stage", "NONE").when().get("/api/companies").then().body("total", equalTo(0));
        officer().queryParam("q", "筛选测试科技" + n).queryParam("stage", "VISITED").queryParam("owner", Tokens.OFFICER_2)
                .when().get("/api/companies").then().body("items.id", contains((int) id)).body("items[0].stage", equalTo("VISITED"));
    }

    @Test
    void filtersByConfirmedListMembership() {
        long member = TestData.createCompany(Tokens.OFFICER, TestData.company());
        long other = TestData.createCompany(Tokens.OFFICER, TestData.company());
        long list = RankingImportTest.listWithEntries(Map.of(1, member));
        officer().queryParam("list", list).when().get("/api/companies").then().statusCode(200)
                .body("items.id", contains((int) member)).body("items.id", not(hasItem((int) other)));
    }

    @Test
    void pagesAreStable() {
        int n = TestData.next();
        for (int i = 0; i < 3; i++) {
            TestData.createCompany(Tokens.OFFICER, TestData.company("分页测试" + n + "号" + i, null));
        }
        List<Integer> first = officer().queryParam("q", "分页测试" + n).queryParam("size", 2).when().get("/api/companies")
                .then().body("total", equalTo(3)).body("items", hasSize(2)).extract().path("items.id");
        officer().queryParam("q", "分页测试" + n).queryParam("size", 2).queryParam("page", 1).when().get("/api/companies")
                .then().body("items", hasSize(1)).body("items.id", not(hasItem(first.get(0))))
                .body("total", greaterThanOrEqualTo(3));
    }
}
