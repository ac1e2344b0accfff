package io.investcrm.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The mixed load of issue 14 against a running InvestCRM loaded with {@code DistrictDataSet}: officers (with their own
 * tokens, so their visibility rule is in every query), a manager and an approver, each virtual user taking one token
 * from the real Keycloak and then making {@link #REQUESTS_PER_USER} requests, one a second. The arrival rate of
 * virtual users climbs in steps, so the request rate climbs in steps of {@code -Dload.step} requests/s
 * ({@code -Dload.steps} levels of {@code -Dload.levelSeconds} each). Ids come from the database the app runs on
 * ({@code -Dload.db}), restricted to what each user may see and act on.
 *
 * <p>The mix, with the endpoints that exist today: 40 % list/search (company name search 20, the team's
 * prospects 10, an industry + zone filter 5, my offers 5), 15 % company detail, 15 % log a visit with a follow-up,
 * 10 % dashboard (not built yet: a manager's pipeline list stands in), 5 % stage move (read the prospect, move it to
 * another early stage), 5 % matches, 5 % goal progress (not built yet: my follow-ups this week stand in), 5 % approval
 * decision (an approver approves a submitted offer; when none is left, the list awaiting them).
 */
public class MixedLoadSimulation extends Simulation {

    static final String BASE = System.getProperty("load.baseUrl", "http://localhost:8087");
    static final String REALM = System.getProperty("load.realm", "http://localhost:8180/realms/investcrm");
    static final String DB = System.getProperty("load.db",
            "jdbc:mysql://127.0.0.1:3306/investcrm_load?connectionTimeZone=UTC&user=root&password=");
    static final int STEP = Integer.getInteger("load.step", 100);
    static final int STEPS = Integer.getInteger("load.steps", 4);
    static final int LEVEL_SECONDS = Integer.getInteger("load.levelSeconds", 60);
    static final int REQUESTS_PER_USER = Integer.getInteger("load.requestsPerUser", 30);
    /**
     * The data set's officers u006…u105, added to the realm by {@code load-users.sh} with their teams (the realm's brute
     * force protection refuses one user logging in twice within a second, so logins are spread over many users).
     */
    static final String[] OFFICERS = java.util.stream.IntStream.rangeClosed(6, 105).mapToObj(i -> String.format("u%03d", i))
            .toArray(String[]::new);
    static final String[] MANAGERS = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> String.format("load-manager-%02d", i))
            .toArray(String[]::new);
    static final String[] APPROVERS = java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(i -> "load-approver-" + i)
            .toArray(String[]::new);
    static final java.util.concurrent.atomic.AtomicInteger LOGINS = new java.util.concurrent.atomic.AtomicInteger();
    static final String[] ZONES = { "hetao", "xiangmihu", "futian-cbd", "huaqiang-shangbu", "meilin-caitian" };
    static final String[] EARLY = { "LEAD", "CONTACTED", "VISITED", "NEGOTIATING" };

    /** What each officer may see and act on, read once from the database. */
    static final Map<String, long[]> VISIBLE = new HashMap<>();
    static final Map<String, long[]> OWN_PROSPECTS = new HashMap<>();
    static final List<String> FRAGMENTS = new ArrayList<>();
    static final ConcurrentLinkedQueue<Long> SUBMITTED = new ConcurrentLinkedQueue<>();

    static {
        try (Connection c = DriverManager.getConnection(DB)) {
            Map<String, long[]> byTeam = new HashMap<>();
            for (String o : OFFICERS) {
                String team = teamOf(o);
                if (!byTeam.containsKey(team)) {
                    byTeam.put(team, ids(c, "SELECT c.id FROM company c LEFT JOIN prospect p ON p.company_id = c.id WHERE p.id IS NULL "
                            + "OR (p.confidential = FALSE AND (p.owner IS NULL OR p.team_code = ?)) ORDER BY RAND() LIMIT 3000", team));
                }
                VISIBLE.put(o, byTeam.get(team));
                OWN_PROSPECTS.put(o, ids(c, "SELECT id FROM prospect WHERE owner = ? AND status = 'ACTIVE' "
                        + "AND stage IN ('LEAD', 'CONTACTED', 'VISITED', 'NEGOTIATING')", o));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT name_zh, name_en FROM company ORDER BY RAND() LIMIT 2000");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // a two- to four-character piece of the trade name, or the first word of the English name
                    String zh = rs.getString(1).replaceAll("^(深圳市|深圳|广州市|上海|北京|杭州|香港)", "");
                    int len = 2 + ThreadLocalRandom.current().nextInt(3);
                    FRAGMENTS.add(zh.substring(0, Math.min(len, zh.length())));
                    FRAGMENTS.add(rs.getString(2).split(" ")[0]);
                }
            }
            for (long id : ids(c, "SELECT o.id FROM offer o JOIN offer_approval a ON a.offer_id = o.id AND a.step_no = 1 "
                    + "WHERE o.status = 'SUBMITTED' AND o.awaiting_role = 'approver' AND a.decided_by IS NULL "
                    + "ORDER BY RAND()")) {
                SUBMITTED.add(id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading ids from " + DB, e);
        }
        System.out.printf("load: %d submitted offers, own prospects %s%n", SUBMITTED.size(),
                OWN_PROSPECTS.values().stream().mapToInt(a -> a.length).sum());
    }

    /** The team DistrictDataSet gives user u&lt;i&gt;: team number i mod 20. */
    static String teamOf(String user) {
        int t = Integer.parseInt(user.substring(1)) % 20;
        return t == 0 ? "team-a" : t == 1 ? "team-b" : String.format("team-%02d", t + 1);
    }

    static long[] ids(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out.stream().mapToLong(Long::longValue).toArray();
        }
    }

    static long pick(long[] ids) {
        return ids[ThreadLocalRandom.current().nextInt(ids.length)];
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static ChainBuilder token(String[] users) {
        return exec(session -> session.set("user", users[Math.floorMod(LOGINS.getAndIncrement(), users.length)]))
                .exec(http("token (Keycloak)").post(REALM + "/protocol/openid-connect/token")
                        .formParam("grant_type", "password").formParam("client_id", "investcrm-app")
                        .formParam("client_secret", "investcrm-dev-secret")
                        .formParam("username", "#{user}").formParam("password", "#{user}")
                        .check(jsonPath("$.access_token").saveAs("token")))
                .exitHereIfFailed();
    }

    /** Requests to the app, with the virtual user's token. */
    static HttpRequestActionBuilder apiGet(String name, String url) {
        return http(name).get(url).header("Authorization", "Bearer #{token}");
    }

    static HttpRequestActionBuilder apiGet(String name, java.util.function.Function<Session, String> url) {
        return http(name).get(url).header("Authorization", "Bearer #{token}");
    }

    static HttpRequestActionBuilder apiPost(String name, String url) {
        return http(name).post(url).header("Authorization", "Bearer #{token}").header("Content-Type", "application/json");
    }

    static long company(Session s) {
        return pick(VISIBLE.get(s.getString("user")));
    }

    static final ChainBuilder SEARCH = exec(apiGet("search companies by name", s -> "/api/companies?q=" + enc(FRAGMENTS.get(ThreadLocalRandom.current().nextInt(FRAGMENTS.size())))));
    static final ChainBuilder PROSPECTS = exec(apiGet("list team prospects", "/api/prospects?page=0&size=20"));
    static final ChainBuilder FILTER = exec(apiGet("list companies by industry + zone", s -> "/api/companies?industry=sci-tech&zone=" + ZONES[ThreadLocalRandom.current().nextInt(ZONES.length)]));
    static final ChainBuilder OFFERS = exec(apiGet("list my offers", "/api/offers?mine=true"));
    static final ChainBuilder DETAIL = exec(apiGet("company detail", s -> "/api/companies/" + company(s)));
    static final ChainBuilder VISIT = exec(apiPost("log a visit", "/api/activities")
            .body(StringBody(s -> "{\"kind\":\"VISIT\",\"companyIds\":[" + company(s) + "],\"place\":\"福田区投资推广署\","
                    + "\"summary\":\"压测：拜访企业，介绍福田产业政策\",\"followUps\":[{\"title\":\"压测：跟进选址需求\",\"dueOn\":\""
                    + LocalDate.now().plusDays(7) + "\"}]}"))
            .check(status().is(201)));
    static final ChainBuilder MOVE = exec(session -> session.set("prospect", pick(OWN_PROSPECTS.get(session.getString("user")))))
            .exec(apiGet("stage move: read", "/api/prospects/#{prospect}").check(jsonPath("$.stage").saveAs("stage")))
            .exec(apiPost("stage move", "/api/prospects/#{prospect}/moves").body(StringBody(s -> {
                String to;
                do {
                    to = EARLY[ThreadLocalRandom.current().nextInt(EARLY.length)];
                } while (to.equals(s.getString("stage")));
                return "{\"stage\":\"" + to + "\",\"note\":\"压测：阶段调整\"}";
            })));
    static final ChainBuilder MATCHES = exec(apiGet("matches", s -> "/api/companies/" + company(s) + "/matches"));
    static final ChainBuilder GOALS = exec(apiGet("goal progress (stand-in: my follow-ups this week)", "/api/tasks?due=week"));
    static final ChainBuilder DASHBOARD = exec(apiGet("dashboard (stand-in: pipeline list, manager)", s -> "/api/prospects?page=0&size=50&stage=" + EARLY[ThreadLocalRandom.current().nextInt(EARLY.length)]));
    static final ChainBuilder APPROVAL = exec(session -> {
        Long id = SUBMITTED.poll();
        return session.set("offer", id == null ? -1L : id);
    }).doIfOrElse(s -> s.getLong("offer") > 0)
            .then(exec(apiPost("approval decision", "/api/offers/#{offer}/approve").body(StringBody("{\"reason\":\"压测：同意\"}"))))
            .orElse(exec(apiGet("approval: awaiting me (no submitted offer left)", "/api/offers?awaitingMe=true")));

    static ScenarioBuilder user(String name, String[] users, ChainBuilder work) {
        return scenario(name).exec(token(users))
                .repeat(REQUESTS_PER_USER).on(pace(Duration.ofSeconds(1)).exec(work));
    }

    /** A share of the request rate: virtual users per second so that {@code share} of the requests come from them. */
    static PopulationBuilder inject(ScenarioBuilder s, double share) {
        double perLevel = STEP * share / REQUESTS_PER_USER;
        return s.injectOpen(incrementUsersPerSec(perLevel).times(STEPS).eachLevelLasting(Duration.ofSeconds(LEVEL_SECONDS))
                .separatedByRampsLasting(Duration.ofSeconds(5)).startingFrom(perLevel));
    }

    {
        HttpProtocolBuilder protocol = http.baseUrl(BASE).acceptHeader("application/json")
                .acceptLanguageHeader("zh-CN").shareConnections();
        ScenarioBuilder officers = user("officers", OFFICERS, randomSwitch().on(
                percent(23.53).then(SEARCH), percent(11.76).then(PROSPECTS), percent(5.88).then(FILTER), percent(5.88).then(OFFERS),
                percent(17.65).then(DETAIL), percent(17.65).then(VISIT), percent(5.88).then(MOVE), percent(5.88).then(MATCHES),
                percent(5.88).then(GOALS)));
        ScenarioBuilder manager = user("manager", MANAGERS, DASHBOARD);
        ScenarioBuilder approver = user("approver", APPROVERS, APPROVAL);
        setUp(inject(officers, 0.85), inject(manager, 0.10), inject(approver, 0.05)).protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
