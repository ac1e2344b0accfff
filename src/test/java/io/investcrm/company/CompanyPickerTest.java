package io.investcrm.company;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The company pickers' type-ahead (issue 15): name fragment, alias, credit code or its start; visibility in SQL. */
@QuarkusTest
class CompanyPickerTest {

    @BeforeEach
    void knownUsers() {
        for (String u : List.of(Tokens.OFFICER, Tokens.OFFICER_OTHER_TEAM, Tokens.MANAGER)) {
            TestData.signIn(u);
        }
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    @Test
    void findsAFirmByANameFragmentAnAliasOrItsCreditCode() {
        String tag = "拾" + TestData.next();
        Map<String, Object> body = TestData.company("深圳市鹏程" + tag + "半导体有限公司", "Pengcheng " + tag + " Semiconductor");
        String code = (String) body.get("creditCode");
        long id = TestData.createCompany(Tokens.OFFICER, body);
        as(Tokens.OFFICER).body(Map.of("name", "鹏芯" + tag, "kind", "ALIAS")).post("/api/companies/" + id + "/aliases")
                .then().statusCode(201);

        as(Tokens.OFFICER).queryParam("q", "鹏程" + tag).get("/api/companies/suggest").then().statusCode(200)
                .body("id", hasItem((int) id))
                .body("find { it.id == " + id + " }.name", equalTo("深圳市鹏程" + tag + "半导体有限公司"))
                .body("find { it.id == " + id + " }.creditCode", equalTo(code));
        as(Tokens.OFFICER).queryParam("q", "鹏芯" + tag).get("/api/companies/suggest").then().statusCode(200)
                .body("id", hasItem((int) id));
        as(Tokens.OFFICER).queryParam("q", code).get("/api/companies/suggest").then().statusCode(200)
                .body("id", equalTo(List.of((int) id)));
        // the first characters of a code, typed in lower case
        as(Tokens.OFFICER).queryParam("q", code.substring(0, 14).toLowerCase()).queryParam("size", 20)
                .get("/api/companies/suggest").then().statusCode(200).body("id", hasItem((int) id));
    }

    @Test
    void answersStayShortAndEmptyQueriesFindNothing() {
        as(Tokens.MANAGER).queryParam("q", "公司").queryParam("size", 500).get("/api/companies/suggest").then().statusCode(200)
                .body("size()", lessThanOrEqualTo(20));
        as(Tokens.MANAGER).queryParam("q", "  ").get("/api/companies/suggest").then().statusCode(200).body("$", hasSize(0));
        as(Tokens.MANAGER).get("/api/companies/suggest").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void anotherTeamsPursuitStaysHiddenFromTheOfficer() {
        String tag = "隐" + TestData.next();
        long hidden = TestData.createCompany(Tokens.OFFICER_OTHER_TEAM, TestData.company("福田" + tag + "咨询有限公司", null));
        TestData.startProspect(Tokens.OFFICER_OTHER_TEAM, hidden, Map.of());
        as(Tokens.OFFICER).queryParam("q", tag).get("/api/companies/suggest").then().statusCode(200)
                .body("id", not(hasItem((int) hidden)));
        as(Tokens.MANAGER).queryParam("q", tag).get("/api/companies/suggest").then().statusCode(200)
                .body("id", hasItem((int) hidden));
    }
}
