package io.investcrm.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The company API on the real database: create, read, page, search, edit, and every kind of refusal. */
@QuarkusTest
class CompanyResourceTest {

    static RequestSpecification officer() {
        return given().header("Authorization", Tokens.bearer(Tokens.OFFICER)).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    @Test
    void createAnswers201WithLocationAndTheStoredCompany() {
        Map<String, Object> body = TestData.company("华强电子设计有限公司" + TestData.next(), "Huaqiang Design Ltd");
        var response = officer().body(body).when().post("/api/companies")
                .then().statusCode(201)
                .header("Location", containsString("/api/companies/"))
                .body("nameZh", equalTo(body.get("nameZh")))
                .body("creditCode", equalTo(body.get("creditCode")))
                .body("version", equalTo(0))
                .body("createdBy", equalTo(Tokens.OFFICER))
                .extract();
        String location = response.header("Location");
        officer().when().get(location).then().statusCode(200).body("nameEn", equalTo("Huaqiang Design Ltd"));
    }

    @Test
    void listIsPagedAndSearchFindsChineseAndEnglishFragments() {
        int n = TestData.next();
        TestData.createCompany(Tokens.OFFICER, TestData.company("深圳市前海微芯半导体" + n + "有限公司", "Qianhai MicroChip " + n + " Ltd"));
        officer().queryParam("q", "微芯半导体" + n).when().get("/api/companies")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].displayName", containsString("微芯"));
        officer().queryParam("q", "microchip " + n).when().get("/api/companies")
                .then().statusCode(200).body("total", equalTo(1));
        officer().queryParam("size", 1).queryParam("page", 0).when().get("/api/companies")
                .then().statusCode(200).body("items", hasSize(1)).body("size", equalTo(1))
                .body("total", greaterThanOrEqualTo(1));
    }

    @Test
    void editWithTheCurrentVersionSucceedsAndRecordsFieldHistory() {
        long id = TestData.createCompany(Tokens.OFFICER, TestData.company());
        Map<String, Object> body = TestData.company("改名后的公司" + TestData.next(), "Renamed Co");
        body.put("version", 0);
        officer().body(body).when().put("/api/companies/" + id).then().statusCode(200)
                .body("version", equalTo(1)).body("nameEn", equalTo("Renamed Co")).body("updatedBy", equalTo(Tokens.OFFICER));
    }

    @Test
    void aStaleVersionAnswers409AndChangesNothing() {
        long id = TestData.createCompany(Tokens.OFFICER, TestData.company());
        Map<String, Object> first = TestData.company("第一次修改" + TestData.next(), "First edit");
        first.put("version", 0);
        officer().body(first).when().put("/api/companies/" + id).then().statusCode(200);
        Map<String, Object> stale = TestData.company("过期修改" + TestData.next(), "Stale edit");
        stale.put("version", 0);
        officer().body(stale).when().put("/api/companies/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("conflict.stale")).body("status", equalTo(409));
        officer().when().get("/api/companies/" + id).then().body("nameEn", equalTo("First edit"));
    }

    @Test
    void badInputAnswers400ProblemWithEveryViolation() {
        Map<String, Object> body = TestData.company(null, null);
        body.put("creditCode", "91440300MA5ABCDEF1");
        body.put("hqCountry", "Atlantis"); // "china" is a word InvestCRM reads now (issue 15)
        body.put("headcount", -3);
        officer().header("Accept-Language", "en").body(body).when().post("/api/companies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation.failed"))
                .body("type", startsWith("urn:investcrm:problem:"))
                .body("title", notNullValue())
                .body("violations.field", hasItem("nameZh"))
                .body("violations.field", hasItem("creditCode"))
                .body("violations.field", hasItem("hqCountry"))
                .body("violations.field", hasItem("headcount"))
                .body("violations.message", hasItem("The check digit of the unified social credit code is wrong."));
    }

    @Test
    void problemDetailsAreInChineseByDefault() {
        officer().body(TestData.company(null, null)).when().post("/api/companies")
                .then().statusCode(400).body("violations.message", hasItem("请至少填写中文名称或英文名称。"));
    }

    @Test
    void duplicateCreditCodeIsRefused() {
        Map<String, Object> body = TestData.company();
        officer().body(body).when().post("/api/companies").then().statusCode(201);
        Map<String, Object> again = TestData.company();
        again.put("creditCode", body.get("creditCode"));
        officer().body(again).when().post("/api/companies")
                .then().statusCode(400).body("violations.message", hasItem(containsString("信用代码")));
    }

    @Test
    void unknownIdAnswers404Problem() {
        officer().when().get("/api/companies/987654321").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("company.not-found"));
    }

    @Test
    void malformedJsonAnswers400WithoutInternals() {
        officer().body("{\"nameZh\": ").when().post("/api/companies").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("request.malformed"))
                .body(not(containsString("Exception"))).body(not(containsString("jackson")));
    }

    @Test
    void unknownIndustryCodeIsRefused() {
        Map<String, Object> body = TestData.company();
        body.put("industries", java.util.List.of("no.such.industry"));
        officer().body(body).when().post("/api/companies").then().statusCode(400)
                .body("violations.field", hasItem("industries"));
    }
}
