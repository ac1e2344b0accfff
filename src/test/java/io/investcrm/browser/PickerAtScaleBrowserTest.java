package io.investcrm.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.investcrm.bench.DistrictDataSet;
import io.investcrm.bench.LargeRegister;
import io.investcrm.support.Browser;
import io.investcrm.support.BrowserTestBase;
import io.investcrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 15: the company pickers in Chromium at a phone's width (390 × 844) against a large register — 20 000 firms in
 * the suite, the district's 100 000 on demand (see below). The firms are loaded in bulk into a database of their own
 * (this profile's), so the rest of the suite keeps its small register. An officer picks three firms on the visit form and one on a new offer, a manager the two records of a
 * merge — each by typing what people type: a trade-name fragment, an alias, the first characters of a credit code.
 * Every type-ahead answer is timed by the browser (Resource Timing, from the request's start to the last byte of the
 * answer); the pages log no console error.
 *
 * <p>{@code -Dinvestcrm.picker.firms=N} sets the register's size (default 20 000: loading 100 000 takes 1–2 minutes on
 * the 2-core machine, too long for every run of the suite; README, Benchmarks, has the 100 000-firm command);
 * {@code -Dinvestcrm.picker.answer-ms} the limit (default 100 ms, the target), which the median answer must
 * meet and which the slowest may exceed only on a machine under load by at most three times.
 */
@QuarkusTest
@TestProfile(PickerAtScaleBrowserTest.LargeRegisterProfile.class)
class PickerAtScaleBrowserTest extends BrowserTestBase {

    static final String DATABASE = "investcrm_picker";

    public static class LargeRegisterProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:mysql://127.0.0.1:${investcrm.embedded-db.port}/" + DATABASE
                    + "?useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC&createDatabaseIfNotExist=true");
        }
    }

    static final int FIRMS = Integer.getInteger("investcrm.picker.firms", 20_000);
    static final double ANSWER_MS = Double.parseDouble(System.getProperty("investcrm.picker.answer-ms", "100"));

    static List<LargeRegister.Firm> firms;
    static final List<Double> answers = new ArrayList<>();

    @BeforeAll
    static void loadTheRegister() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String server = url.substring(0, url.indexOf(DATABASE));
        String jdbc = DistrictDataSet.url(server, DATABASE);
        try (Connection c = DriverManager.getConnection(jdbc, "root", "")) {
            // the matching rebuild of the start-up must be over: the register's rows are older than its sweep mark
            awaitMatchingReady(c);
            long present = count(c, "SELECT COUNT(*) FROM company");
            if (present < FIRMS) {
                LargeRegister.Loaded loaded = LargeRegister.load(jdbc, "root", "", FIRMS, 4, 15, LocalDateTime.now());
                System.out.printf("PickerAtScaleBrowserTest: %,d firms with %,d search terms loaded in %.1f s%n",
                        FIRMS, loaded.terms(), loaded.seconds());
            }
            firms = readFirms(c);
            assertTrue(count(c, "SELECT COUNT(*) FROM company WHERE survivor_id IS NULL") >= FIRMS);
        }
        browser = new Browser(390, 844);
    }

    @AfterAll
    static void report() {
        if (!answers.isEmpty()) {
            List<Double> sorted = answers.stream().sorted().toList();
            System.out.printf("PickerAtScaleBrowserTest: %d type-ahead answers at %,d firms, median %.1f ms, max %.1f ms: %s%n",
                    sorted.size(), FIRMS, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), answers);
        }
    }

    static void awaitMatchingReady(Connection c) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (count(c, "SELECT COUNT(*) FROM company_match_state") > 0
                    && count(c, "SELECT COUNT(*) FROM company_match_state WHERE state <> 'READY'") == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the matching rebuild did not finish");
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The loaded firms (also when an earlier run on a reused server loaded them), with their aliases. */
    static List<LargeRegister.Firm> readFirms(Connection c) throws Exception {
        List<LargeRegister.Firm> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT c.id, c.name_zh, c.name_en, "
                + "(SELECT MIN(a.name) FROM company_alias a WHERE a.company_id = c.id), c.credit_code FROM company c "
                + "WHERE c.created_by = 'bench' ORDER BY c.id")) {
            while (rs.next()) {
                out.add(new LargeRegister.Firm(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return out;
    }

    /**
     * A firm from the middle of the register whose typed text (a fragment, an alias, a code prefix) fits at most a few
     * firms, so that it is among the picker's answers, as a person would type until it is.
     */
    static LargeRegister.Firm target(int from, Function<LargeRegister.Firm, String> typed,
            java.util.function.BiPredicate<LargeRegister.Firm, String> fits) {
        for (int i = from; i < firms.size(); i += 97) {
            LargeRegister.Firm f = firms.get(i);
            String text = typed.apply(f);
            if (text == null) {
                continue;
            }
            Predicate<LargeRegister.Firm> matches = other -> fits.test(other, text);
            if (firms.stream().filter(matches).limit(4).count() <= 3) {
                return f;
            }
        }
        throw new AssertionError("no firm with a distinctive " + typed);
    }

    /** The distinctive part of a name, as an officer types it: after the city, four characters. */
    static String fragment(LargeRegister.Firm f) {
        String s = f.nameZh().replaceFirst("^(深圳市|深圳|广州市|上海|北京|杭州|香港)", "");
        return s.length() < 5 ? null : s.substring(0, 4);
    }

    void open(String path) {
        browser.driver.get(baseUrl() + "/lang/zh-CN?return=" + path);
        browser.consoleErrors();
        warmUp();
        js().executeScript("performance.setResourceTimingBufferSize(1000); performance.clearResourceTimings();");
    }

    /**
     * A few type-ahead requests of every kind, not timed, as the page's script sends them (with its CSRF header): the
     * first requests after a start pay for the JIT and cold pages (364 ms once at 100 000 firms under load 18); what
     * is timed is the answer a person gets on a running server. Other firms than the ones typed later.
     */
    void warmUp() {
        java.util.Random random = new java.util.Random(5);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            LargeRegister.Firm f = firms.get(random.nextInt(firms.size()));
            queries.add(fragment(f) == null ? f.nameZh().substring(0, 2) : fragment(f));
            queries.add(f.creditCode().substring(0, 12));
        }
        js().executeAsyncScript("var done = arguments[arguments.length - 1]; var qs = arguments[0];"
                + " var p = document.querySelector('[data-picker]'); var h = {'Accept': 'application/json'};"
                + " h[p.getAttribute('data-csrf-header')] = p.getAttribute('data-csrf');"
                + " qs.reduce((chain, q) => chain.then(() => fetch('/companies/suggest?q=' + encodeURIComponent(q),"
                + " {headers: h, credentials: 'same-origin'})), Promise.resolve()).then(() => done(true), () => done(false));",
                queries);
    }

    /** Types into a picker, chooses the answer naming the firm (by touch), and checks it became the chosen chip. */
    void pick(String picker, String text, LargeRegister.Firm firm) {
        var input = browser.driver.findElement(By.id("f-" + picker));
        input.clear();
        input.sendKeys(text);
        By option = By.xpath("//ul[@id='f-" + picker + "-options']/li[contains(., '" + firm.nameZh() + "')]");
        browser.waitUp().until(ExpectedConditions.visibilityOfElementLocated(option));
        browser.driver.findElement(option).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#f-" + picker + "-chosen input[value='" + firm.id() + "']")));
        assertTrue(browser.driver.findElement(By.id("f-" + picker + "-chosen")).getText().contains(firm.nameZh()));
    }

    /** The type-ahead answers of the page so far, in ms from the request's start to the answer's last byte. */
    @SuppressWarnings("unchecked")
    List<Double> answerTimes() {
        List<Object> raw = (List<Object>) js().executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.indexOf('/companies/suggest') >= 0 && e.responseEnd > 0"
                + " && (e.responseStatus === undefined || e.responseStatus === 200)).map(e => e.responseEnd - e.startTime);");
        List<Double> times = raw.stream().map(o -> ((Number) o).doubleValue()).toList();
        answers.addAll(times);
        return times;
    }

    void assertFast(List<Double> times, String where) {
        assertTrue(!times.isEmpty(), "no type-ahead answer was timed on " + where);
        List<Double> sorted = times.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        double max = sorted.get(sorted.size() - 1);
        assertTrue(median <= ANSWER_MS, where + ": median answer " + median + " ms > " + ANSWER_MS + " ms " + times);
        assertTrue(max <= 3 * ANSWER_MS, where + ": slowest answer " + max + " ms > " + 3 * ANSWER_MS + " ms " + times);
    }

    @Test
    void anOfficerPicksFirmsOnTheVisitFormAndANewOfferByFragmentAliasAndCreditCode() {
        LargeRegister.Firm byFragment = target(firms.size() / 3, PickerAtScaleBrowserTest::fragment,
                (o, t) -> o.nameZh().contains(t) || (o.alias() != null && o.alias().contains(t)));
        LargeRegister.Firm byAlias = target(firms.size() / 2, LargeRegister.Firm::alias,
                (o, t) -> o.nameZh().contains(t) || (o.alias() != null && o.alias().contains(t)));
        LargeRegister.Firm byCode = target(2 * firms.size() / 3, f -> f.creditCode().substring(0, 15),
                (o, t) -> o.creditCode().startsWith(t));

        browser.signIn(baseUrl(), "/activities/new", Tokens.OFFICER);
        open("/activities/new");
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("visit-form")));
        pick("companyIds", fragment(byFragment), byFragment);
        pick("companyIds", byAlias.alias(), byAlias);
        pick("companyIds", byCode.creditCode().substring(0, 15), byCode);
        assertEquals(3, browser.driver.findElements(By.cssSelector("#f-companyIds-chosen input[name=companyIds]")).size());
        assertTrue(fitsThePhone(), "the visit form must not scroll sideways on a phone");
        assertFast(answerTimes(), "the visit form");
        assertEquals(List.of(), browser.consoleErrors());

        // a new offer opened without a company: the firm is typed on the form
        open("/offers/new");
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("offer-form")));
        pick("companyId", fragment(byFragment), byFragment);
        pick("companyId", byCode.creditCode().substring(0, 15), byCode);
        assertEquals(1, browser.driver.findElements(By.cssSelector("#f-companyId-chosen input[name=companyId]")).size());
        assertTrue(fitsThePhone(), "the offer form must not scroll sideways on a phone");
        assertFast(answerTimes(), "the offer form");
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aManagerPicksBothRecordsOfAMergeByTyping() {
        LargeRegister.Firm survivor = target(firms.size() / 4, PickerAtScaleBrowserTest::fragment,
                (o, t) -> o.nameZh().contains(t) || (o.alias() != null && o.alias().contains(t)));
        LargeRegister.Firm loser = target(3 * firms.size() / 4, f -> f.creditCode().substring(0, 14),
                (o, t) -> o.creditCode().startsWith(t));

        browser.signIn(baseUrl(), "/merge", Tokens.MANAGER);
        open("/merge");
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("merge-pick-form")));
        pick("survivor", fragment(survivor), survivor);
        pick("loser", loser.creditCode().substring(0, 14), loser);
        assertTrue(fitsThePhone(), "the merge form must not scroll sideways on a phone");
        assertFast(answerTimes(), "the merge form");
        browser.driver.findElement(By.id("merge-pick-submit")).click();
        browser.waitUp().until(ExpectedConditions.presenceOfElementLocated(By.id("merge-loser")));
        assertTrue(browser.driver.findElement(By.id("merge-survivor")).getText().contains(survivor.nameZh()));
        assertTrue(browser.driver.findElement(By.id("merge-loser")).getText().contains(loser.nameZh()));
        assertEquals(List.of(), browser.consoleErrors());
    }
}
