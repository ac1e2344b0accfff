package io.investcrm.company;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Search on the real database: Chinese and English fragments via the term table, identifiers, filters, paging, order. */
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
    void aOneCharacterQueryIsAnIndexLookup() {
        int n = TestData.next();
        String rare = new String(Character.toChars(0x4E00 + (n % 5000) + 8000));
        long id = TestData.createCompany(Tokens.OFFICER, TestData.company("单字" + rare + "测试" + n, null));
        officer().queryParam("q", rare).queryParam("size", 200).when().get("/api/companies").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        // the index holds the folded character (a Traditional one is stored as its Simplified form)
        String folded = io.investcrm.company.identity.NameNormalizer.standard().fold(rare);
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM company_name_gram WHERE company_id = ?1 AND gram = ?2", id, folded));
    }

    @Test
    void twoLettersAreAnIndexLookupAndOneLetterFallsBackToLike() {
        int n = TestData.next();
        long id = TestData.createCompany(Tokens.OFFICER, TestData.company("双字母测试" + n, "Qz Holdings " + n));
        officer().queryParam("q", "QZ").queryParam("size", 200).when().get("/api/companies").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM company_name_gram WHERE company_id = ?1 AND gram = 'qz'", id));
        officer().queryParam("q", "q").queryParam("size", 200).when().get("/api/companies").then().statusCode(200)
                .body("items.id", hasItem((int) id));
    }

    @Test
    void anEditMovesTheCompanyToTheTopOfItsNameSearchAndItsTermsFollow() {
        int n = TestData.next();
        long older = TestData.createCompany(Tokens.OFFICER, TestData.company("排序测试" + n + "甲公司", null));
        long newer = TestData.createCompany(Tokens.OFFICER, TestData.company("排序测试" + n + "乙公司", null));
        officer().queryParam("q", "排序测试" + n).when().get("/api/companies").then().body("items.id", contains((int) newer, (int) older));
        Map<String, Object> edit = TestData.company("排序测试" + n + "甲公司", "Sort Test " + n);
        edit.put("version", 0);
        officer().contentType(ContentType.JSON).body(edit).when().put("/api/companies/" + older).then().statusCode(200);
        officer().queryParam("q", "排序测试" + n).when().get("/api/companies").then().body("items.id", contains((int) older, (int) newer));
        // every term row carries the company's last change: the search walks them in that order
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM company_name_gram g JOIN company c ON c.id = g.company_id "
                + "WHERE c.id IN (?1, ?2) AND g.updated_at <> c.updated_at", older, newer));
        assertEquals(CompanySearchIndex.grams(fixtures.rows("SELECT search_text, id FROM company WHERE id = ?1", older).get(0)[0]
                .toString()).size(), fixtures.count("SELECT COUNT(*) FROM company_name_gram WHERE company_id = ?1", older));
        officer().queryParam("q", "sort test " + n).when().get("/api/companies").then().body("items.id", contains((int) older));
    }

    @Test
    void aTermNoNameHasAnswersEmptyWithoutSearching() {
        officer().queryParam("q", "龘靐齉" + TestData.next()).when().get("/api/companies").then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
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
