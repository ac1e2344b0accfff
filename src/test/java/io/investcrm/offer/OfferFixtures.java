package io.investcrm.offer;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Buildings, policies and offers in them, made through the API as the users who would make them. */
public final class OfferFixtures {

    private OfferFixtures() {
    }

    public static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Accept-Language", "en");
    }

    public static Map<String, Object> building(String vacant) {
        Map<String, Object> b = new HashMap<>();
        b.put("zoneCode", "huaqiang-shangbu");
        b.put("name", "赛格科技园 " + TestData.next() + " 栋");
        b.put("address", "深圳市福田区华强北路 " + TestData.next() + " 号");
        b.put("ownerType", "GOVERNMENT");
        b.put("grade", "甲");
        b.put("totalAreaSqm", new BigDecimal("20000"));
        b.put("vacantAreaSqm", new BigDecimal(vacant));
        b.put("floors", 30);
        b.put("listedRentPerSqmMonth", new BigDecimal("150"));
        return b;
    }

    /** A building with this much vacant area, added by the admin; its id. */
    public static long createBuilding(String vacant) {
        Number id = as(Tokens.ADMIN).body(building(vacant)).post("/api/space/buildings").then().statusCode(201)
                .extract().path("id");
        return id.longValue();
    }

    public static long createPolicy(String budget) {
        Map<String, Object> p = new HashMap<>();
        p.put("code", "HQ-" + TestData.next());
        p.put("name", "总部经济落户奖励");
        p.put("clause", "福田区支持总部经济发展若干措施 第五条");
        p.put("budgetYear", 2026);
        p.put("budgetCny", new BigDecimal(budget));
        Number id = as(Tokens.ADMIN).body(p).post("/api/subsidy-policies").then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    public static Map<String, Object> spaceIn(long company, long building, String area) {
        Map<String, Object> body = TestData.spaceOffer(company, area);
        body.remove("zoneCode");
        body.remove("building");
        body.put("buildingId", building);
        return body;
    }

    public static Map<String, Object> subsidyFrom(long company, long policy, String amount) {
        Map<String, Object> body = TestData.subsidyOffer(company, amount);
        body.put("policyId", policy);
        body.put("subsidyKind", "SETTLEMENT");
        return body;
    }
}
