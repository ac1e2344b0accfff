package io.investcrm.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/** One place for test fixtures: company bodies with unique names and valid identifiers. */
public final class TestData {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    private TestData() {
    }

    /** The system property that holds the last number given out. */
    private static final String SEQUENCE = "investcrm.test-data.sequence";

    /**
     * The next number of one sequence for the whole test JVM. A test profile restarts the app in a new class loader,
     * which loads this class again; a counter of its own, restarted at another random point, could repeat a credit code
     * the database already held from an earlier profile (a 400 "credit code in use" failed LostUpdateLockingOffTest
     * once). The system properties are the JVM's, shared by every class loader; the number is kept as a string (other
     * code reads them as strings) and changed under their own lock.
     */
    public static int next() {
        java.util.Properties properties = System.getProperties();
        synchronized (properties) {
            String last = properties.getProperty(SEQUENCE);
            int n = (last == null ? (int) (System.nanoTime() % 100_000) : Integer.parseInt(last)) + 1;
            properties.setProperty(SEQUENCE, Integer.toString(n));
            return n;
        }
    }

    /** A valid unified social credit code (GB 32100-2015) unique to this run. */
    public static String creditCode() {
        String body = String.format("91440300%09d", next() * 7919L % 1_000_000_000L);
        return body + checkChar(body);
    }

    static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    public static Map<String, Object> company(String nameZh, String nameEn) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameZh", nameZh);
        body.put("nameEn", nameEn);
        body.put("hqCountry", "CN");
        body.put("hqCity", "深圳");
        body.put("creditCode", creditCode());
        body.put("entityRole", "STANDALONE");
        body.put("industries", List.of());
        return body;
    }

    public static Map<String, Object> company() {
        int n = next();
        return company("测试科技有限公司" + n, "Test Technology Co " + n);
    }

    /** Creates a company through the API as the given user and returns its id. */
    public static long createCompany(String username, Map<String, Object> body) {
        Number id = given().header("Authorization", Tokens.bearer(username)).contentType(ContentType.JSON).body(body)
                .when().post("/api/companies")
                .then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    /** Makes a user known to the user directory: their first request upserts them from the token's claims. */
    public static void signIn(String username) {
        given().header("Authorization", Tokens.bearer(username)).when().get("/api/notifications")
                .then().statusCode(200);
    }

    /** Starts the pursuit of a company as the given user (body: pool, leader, confidential…) and returns its id. */
    public static long startProspect(String username, long companyId, Map<String, Object> body) {
        Number id = given().header("Authorization", Tokens.bearer(username)).contentType(ContentType.JSON).body(body)
                .when().post("/api/companies/" + companyId + "/prospect")
                .then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    /** A new company pursued by the given user; returns the prospect id. */
    public static long newProspect(String username) {
        return startProspect(username, createCompany(username, company()), Map.of());
    }

    /** A new company whose prospect sits in the shared pool (started by officer1 without claiming); returns the company id. */
    public static long createCompanyInPool() {
        long company = createCompany(Tokens.OFFICER, company());
        startProspect(Tokens.OFFICER, company, Map.of("pool", true));
        return company;
    }

    /** A new company pursued by the given user (owner, their team); returns the company id. */
    public static long pursuedCompany(String username) {
        long company = createCompany(username, company());
        startProspect(username, company, Map.of());
        return company;
    }

    /** An offer of office space in 华强-上步 (六(二)) with the given floor area. */
    public static Map<String, Object> spaceOffer(long companyId, String floorAreaSqm) {
        Map<String, Object> body = new HashMap<>();
        body.put("companyId", companyId);
        body.put("kind", "SPACE");
        body.put("title", "华强北研发办公空间 " + next());
        body.put("zoneCode", "huaqiang-shangbu");
        body.put("building", "深圳市福田区华强北路 赛格广场 38 层");
        body.put("floorAreaSqm", new java.math.BigDecimal(floorAreaSqm));
        body.put("rentPerSqmMonth", new java.math.BigDecimal("135.50"));
        body.put("rentFreeMonths", 3);
        body.put("termMonths", 36);
        body.put("conditions", "注册地及纳统在福田");
        return body;
    }

    /** A subsidy offer of the given amount (CNY). */
    public static Map<String, Object> subsidyOffer(long companyId, String amountCny) {
        Map<String, Object> body = new HashMap<>();
        body.put("companyId", companyId);
        body.put("kind", "SUBSIDY");
        body.put("title", "总部落户奖励 " + next());
        body.put("subsidyAmountCny", new java.math.BigDecimal(amountCny));
        body.put("policyBasis", "福田区支持总部经济发展若干措施 第五条");
        body.put("termMonths", 36);
        return body;
    }

    /** Drafts an offer through the API as the given user and returns its id. */
    public static long createOffer(String username, Map<String, Object> body) {
        Number id = given().header("Authorization", Tokens.bearer(username)).contentType(ContentType.JSON).body(body)
                .when().post("/api/offers")
                .then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    /** Drafts and submits an offer as the given user; returns its id. */
    public static long submittedOffer(String username, Map<String, Object> body) {
        long id = createOffer(username, body);
        given().header("Authorization", Tokens.bearer(username)).contentType(ContentType.JSON)
                .when().post("/api/offers/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** A valid LEI (ISO 17442, MOD 97-10 check digits) unique to this run. */
    public static String lei() {
        String first18 = String.format("5493%014d", next() * 7919L % 100_000_000_000_000L);
        java.math.BigInteger n = new java.math.BigInteger(digitsOf(first18 + "00"));
        int check = 98 - n.mod(java.math.BigInteger.valueOf(97)).intValue();
        return first18 + (check < 10 ? "0" + check : Integer.toString(check));
    }

    private static String digitsOf(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(Character.digit(c, 36));
        }
        return sb.toString();
    }

    /** A contact body with personal data in every field. */
    public static Map<String, Object> contact(String name, String phone, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("title", "合伙人");
        body.put("phone", phone);
        body.put("email", email);
        body.put("wechat", "wxid_" + next());
        body.put("source", "名片");
        body.put("consent", "GRANTED");
        return body;
    }

    /** Creates a contact at a company through the API and returns its id. */
    public static long createContact(String username, long companyId, Map<String, Object> body) {
        Number id = given().header("Authorization", Tokens.bearer(username)).contentType(ContentType.JSON).body(body)
                .when().post("/api/companies/" + companyId + "/contacts")
                .then().statusCode(201).extract().path("id");
        return id.longValue();
    }

    /** A mobile number unique to this run. */
    public static String mobile() {
        return String.format("139%08d", next() % 100_000_000);
    }
}
