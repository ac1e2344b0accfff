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
 * from the real Keycloak (by refresh grant) and then making {@link #REQUESTS_PER_USER} requests, one a second. The arrival rate of
 * virtual users climbs in steps, so the request rate climbs in steps of {@code -Dload.step} requests/s
 * ({@code -Dload.steps} levels of {@code -Dload.levelSeconds} each). Ids come from the database the app runs on
 * ({@code -Dload.db}), restricted to what each user may see and act on.
 *
 * <p>The mix: 40 % list/search (company name search 20, the team's prospects 10, an industry + zone filter 5,
 * my offers 5), 15 % company detail, 15 % log a visit with a follow-up, 5 % stage move (one of the officer's own early
 * prospects to another early stage; each prospect is moved by one virtual user at a time, so the stage it is in is
 * known), 5 % matches — all officers' requests with officers' tokens (80 %); 10 % dashboard and 5 % goal progress with
 * managers' tokens (15 %); 5 % approval decision with approvers' tokens (an approver approves a submitted offer at its
 * first step; when none is left, the list awaiting them).
 *
 * <p>Tokens come from the realm through the DEV-ONLY client {@code investcrm-test} (the app's own client allows no
 * password grant): every load user signs in once by password grant before the load (passwords
 * {@code load-pass-<username>}, load-users.sh), and every virtual user takes its own access token from that session by
 * refresh grant ({@link #token}).
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
    static final String CLIENT_ID = System.getProperty("load.clientId", "investcrm-test");
    static final String CLIENT_SECRET = System.getProperty("load.clientSecret", "investcrm-test-secret-dev-only");
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
    /** Each officer's own early prospects waiting to be moved, and the stage each is in. */
    static final Map<String, ConcurrentLinkedQueue<Long>> OWN_PROSPECTS = new HashMap<>();
    static final Map<Long, String> STAGE = new java.util.concurrent.ConcurrentHashMap<>();
    static final List<String> FRAGMENTS = new ArrayList<>();
    static final ConcurrentLinkedQueue<Long> SUBMITTED = new ConcurrentLinkedQueue<>();

    /**
     * Each load user's refresh token, from one password grant per user before the load starts (spread over the users:
     * the realm's brute-force protection refuses a user logging in twice within a second).
     */
    static final Map<String, String> REFRESH = new java.util.concurrent.ConcurrentHashMap<>();

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
                ConcurrentLinkedQueue<Long> own = new ConcurrentLinkedQueue<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT id, stage FROM prospect WHERE owner = ? AND status = 'ACTIVE' "
                        + "AND stage IN ('LEAD', 'CONTACTED', 'VISITED', 'NEGOTIATING') ORDER BY RAND()")) {
                    ps.setString(1, o);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            own.add(rs.getLong(1));
                            STAGE.put(rs.getLong(1), rs.getString(2));
                        }
                    }
                }
                OWN_PROSPECTS.put(o, own);
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
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        long t0 = System.nanoTime();
        for (String[] users : List.of(OFFICERS, MANAGERS, APPROVERS)) {
            for (String u : users) {
                try {
                    REFRESH.put(u, login(client, u));
                } catch (java.io.IOException | InterruptedException e) {
                    throw new IllegalStateException("login of " + u, e);
                }
            }
        }
        System.out.printf("load: %d load users logged in (password grant) in %.1f s%n", REFRESH.size(),
                (System.nanoTime() - t0) / 1e9);
        System.out.printf("load: %d submitted offers, own prospects %s%n", SUBMITTED.size(), STAGE.size());
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

    /** One password grant: the refresh token of {@code user}'s new session. */
    static String login(java.net.http.HttpClient client, String user) throws java.io.IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + enc(CLIENT_ID) + "&client_secret=" + enc(CLIENT_SECRET)
                + "&username=" + enc(user) + "&password=" + enc("load-pass-" + user) + "&scope=openid";
        java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("login of " + user + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    /**
     * The virtual user's own access token, taken from the real Keycloak when it starts: a refresh grant on its load
     * user's session (as an office's people sign in once a day and their browsers refresh their tokens), not a
     * password grant — the password's deliberately slow hash on the two cores the app shares would measure Keycloak,
     * not the app, at 13 new virtual users a second.
     */
    static ChainBuilder token(String[] users) {
        return exec(session -> {
            String user = users[Math.floorMod(LOGINS.getAndIncrement(), users.length)];
            return session.set("user", user).set("refresh", REFRESH.get(user));
        }).exec(http("token (Keycloak refresh grant)").post(REALM + "/protocol/openid-connect/token")
                        .formParam("grant_type", "refresh_token").formParam("client_id", CLIENT_ID)
                        .formParam("client_secret", CLIENT_SECRET).formParam("refresh_token", "#{refresh}")
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
    /** Takes one of the officer's prospects (none left: -1), moves it to another early stage and gives it back. */
    static final ChainBuilder MOVE = exec(session -> {
        Long id = OWN_PROSPECTS.get(session.getString("user")).poll();
        if (id == null) {
            return session.set("prospect", -1L);
        }
        String to;
        do {
            to = EARLY[ThreadLocalRandom.current().nextInt(EARLY.length)];
        } while (to.equals(STAGE.get(id)));
        return session.set("prospect", id).set("to", to);
    }).doIfOrElse(s -> s.getLong("prospect") > 0)
            .then(exec(apiPost("stage move", "/api/prospects/#{prospect}/moves")
                    .body(StringBody("{\"stage\":\"#{to}\",\"note\":\"压测：阶段调整\"}"))
                    .check(status().saveAs("moved"), status().is(200)))
                    .exec(session -> {
                        long id = session.getLong("prospect");
                        if (session.contains("moved") && session.getInt("moved") == 200) {
                            STAGE.put(id, session.getString("to"));
                        }
                        OWN_PROSPECTS.get(session.getString("user")).add(id);
                        return session.remove("moved");
                    }))
            .orElse(exec(apiGet("stage move: my prospects (none free to move)", "/api/prospects?page=0&size=20&mine=true")));
    static final ChainBuilder MATCHES = exec(apiGet("matches", s -> "/api/companies/" + company(s) + "/matches"));
    static final ChainBuilder GOALS = exec(apiGet("goal progress (manager)", "/api/goals/progress"));
    static final ChainBuilder DASHBOARD = exec(apiGet("dashboard (manager)", "/api/dashboard"));
    static final ChainBuilder APPROVAL = exec(session -> {
        Long id = SUBMITTED.poll();
        return session.set("offer", id == null ? -1L : id);
    }).doIfOrElse(s -> s.getLong("offer") > 0)
            .then(exec(apiPost("approval decision", "/api/offers/#{offer}/approve").body(StringBody("{\"reason\":\"压测：同意\"}"))
                    .check(status().is(200))))
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
        // shares of the officers' 80 %: search 20, prospects 10, filter 5, offers 5, detail 15, visit 15, move 5, matches 5
        ScenarioBuilder officers = user("officers", OFFICERS, randomSwitch().on(
                percent(25.0).then(SEARCH), percent(12.5).then(PROSPECTS), percent(6.25).then(FILTER), percent(6.25).then(OFFERS),
                percent(18.75).then(DETAIL), percent(18.75).then(VISIT), percent(6.25).then(MOVE), percent(6.25).then(MATCHES)));
        // the managers' 15 %: dashboard 10, goal progress 5
        ScenarioBuilder managers = user("managers", MANAGERS, randomSwitch().on(
                percent(66.67).then(DASHBOARD), percent(33.33).then(GOALS)));
        ScenarioBuilder approvers = user("approvers", APPROVERS, APPROVAL);
        setUp(inject(officers, 0.80), inject(managers, 0.15), inject(approvers, 0.05)).protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
