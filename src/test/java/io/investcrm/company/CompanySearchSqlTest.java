package io.investcrm.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.investcrm.security.Visibility;

/** The search's decisions without a database: which term drives, when it counts, what it escapes. */
class CompanySearchSqlTest {

    static final Visibility.Predicate ALL = new Visibility.Predicate("1 = 1", Map.of());

    /** A database that answers the probe with given counts, pages with {@code pageRows} rows and counts with {@code count}. */
    static final class FakeDb implements CompanySearchSql.Db {
        final List<String> statements = new ArrayList<>();
        final List<List<Object>> params = new ArrayList<>();
        long[] probeCounts = {};
        int pageRows;
        long count;

        @Override
        public List<Object[]> rows(String sql, List<Object> p, int offset, int limit) {
            statements.add(sql);
            params.add(p);
            if (sql.contains(" AS k, COUNT(*) AS n")) {
                List<Object[]> out = new ArrayList<>();
                for (int i = 0; i < probeCounts.length; i++) {
                    out.add(new Object[] { i, probeCounts[i] });
                }
                return out;
            }
            if (sql.startsWith("SELECT COUNT(*)")) {
                return List.<Object[]>of(new Object[] { count });
            }
            return Collections.nCopies(Math.min(pageRows, limit), new Object[0]);
        }
    }

    @Test
    void theRarestTermDrivesTheWalk() {
        FakeDb db = new FakeDb();
        db.probeCounts = new long[] { 5000, 12, 5000 };
        CompanySearchSql.search(db, CompanySearchSql.Filter.byName("资产管理"), ALL, 0, 20, true);
        assertEquals(List.of("资产", "产管", "管理"), db.params.get(0));
        String page = db.statements.get(1);
        assertTrue(page.startsWith("SELECT STRAIGHT_JOIN ") && page.contains("FORCE INDEX (PRIMARY)"), page);
        assertEquals("产管", db.params.get(1).get(0), "the rarest term is the driver");
        assertTrue(page.contains("ORDER BY d.updated_at DESC, d.company_id DESC"), page);
    }

    @Test
    void aTermNoNameHasEndsTheSearchAtTheProbe() {
        FakeDb db = new FakeDb();
        db.probeCounts = new long[] { 40, 0 };
        CompanySearchSql.Result r = CompanySearchSql.search(db, CompanySearchSql.Filter.byName("深圳龘"), ALL, 0, 20, true);
        assertEquals(0, r.total());
        assertEquals(1, db.statements.size(), "no page and no count after an empty probe");
    }

    @Test
    void keptTermCountsSpareTheProbeButAZeroIsProbedAgain() {
        CompanySearchSql.TermCounts known = new CompanySearchSql.TermCounts();
        FakeDb db = new FakeDb();
        db.probeCounts = new long[] { 5000, 12, 5000 };
        CompanySearchSql.search(db, known, CompanySearchSql.Filter.byName("资产管理"), ALL, 0, 20, CompanySearchSql.Counter.DIRECT);
        assertEquals(2, db.statements.size(), "probe, page (a short first page counts itself)");

        FakeDb again = new FakeDb();
        CompanySearchSql.search(again, known, CompanySearchSql.Filter.byName("资产管理"), ALL, 0, 20, CompanySearchSql.Counter.DIRECT);
        assertFalse(again.statements.get(0).contains(" AS k, COUNT(*) AS n"), "every term's count is kept: no probe");
        assertEquals("产管", again.params.get(0).get(0), "the kept counts choose the same driver");

        // one new term: only it is probed, and it drives when it is rarer
        FakeDb partly = new FakeDb();
        partly.probeCounts = new long[] { 3 };
        CompanySearchSql.search(partly, known, CompanySearchSql.Filter.byName("资产管理局"), ALL, 0, 20, CompanySearchSql.Counter.DIRECT);
        assertEquals(List.of("理局"), partly.params.get(0));
        assertEquals("理局", partly.params.get(1).get(0));

        // a term no name had: not kept, so a firm named with it since is found
        FakeDb none = new FakeDb();
        none.probeCounts = new long[] { 0 };
        CompanySearchSql.Result r = CompanySearchSql.search(none, known, CompanySearchSql.Filter.byName("资产龘"), ALL, 0, 20, CompanySearchSql.Counter.DIRECT);
        assertEquals(0, r.total());
        FakeDb later = new FakeDb();
        later.probeCounts = new long[] { 1 };
        later.pageRows = 1;
        r = CompanySearchSql.search(later, known, CompanySearchSql.Filter.byName("资产龘"), ALL, 0, 20, CompanySearchSql.Counter.DIRECT);
        assertEquals(List.of("产龘"), later.params.get(0), "the zero was probed again");
        assertEquals(1, r.total());
    }

    @Test
    void aShortPageIsItsOwnTotalAndEveryTotalIsCapped() {
        FakeDb db = new FakeDb();
        db.pageRows = 7;
        assertEquals(7, CompanySearchSql.search(db, CompanySearchSql.Filter.byName(null), ALL, 0, 20, true).total());
        assertFalse(db.statements.stream().anyMatch(s -> s.startsWith("SELECT COUNT(*)")), "no count for a short first page");
        db.pageRows = 20;
        db.count = CompanySearchSql.COUNT_CAP + 1;
        assertEquals(CompanySearchSql.COUNT_CAP + 1,
                CompanySearchSql.search(db, CompanySearchSql.Filter.byName(null), ALL, 1200, 20, true).total());
        db.pageRows = 5;
        assertEquals(CompanySearchSql.COUNT_CAP + 1,
                CompanySearchSql.search(db, CompanySearchSql.Filter.byName(null), ALL, 1000, 20, true).total(),
                "a last page past the cap says 'more than' like the others");
    }

    @Test
    void likePatternsEscapeTheirWildcardsExplicitly() {
        FakeDb db = new FakeDb();
        CompanySearchSql.search(db, new CompanySearchSql.Filter(null, "9144_%!", null, null, null, null, null), ALL, 0, 20, false);
        assertTrue(db.statements.get(0).contains("c.credit_code LIKE ?1 ESCAPE '!'"), db.statements.get(0));
        assertEquals("9144!_!%!!%", db.params.get(0).get(0));
    }

    @Test
    void theCountJoinsTheProspectOnlyWhenAConditionNeedsIt() {
        FakeDb db = new FakeDb();
        db.pageRows = 20;
        CompanySearchSql.search(db, CompanySearchSql.Filter.byName(null), ALL, 0, 20, true);
        assertFalse(db.statements.get(1).contains("prospect"), db.statements.get(1));
        CompanySearchSql.search(db, new CompanySearchSql.Filter(null, null, null, null, null, "officer1", null), ALL, 0, 20, true);
        assertTrue(db.statements.get(3).contains("LEFT JOIN prospect p"), db.statements.get(3));
        Visibility.Predicate officer = Visibility.officerSql("p", Visibility.params("officer1", "team-a"));
        CompanySearchSql.search(db, CompanySearchSql.Filter.byName(null), officer, 0, 20, true);
        assertTrue(db.statements.get(5).contains("LEFT JOIN prospect p"), db.statements.get(5));
    }

    @Test
    void anIndustryAndZoneCountWalksTheZonesRowsOfTheIndustry() {
        Visibility.Predicate officer = Visibility.officerSql("p", Visibility.params("officer1", "team-a"));
        CompanySearchSql.Sql zoneAndIndustry = CompanySearchSql.build(
                new CompanySearchSql.Filter(null, null, "sci-tech", "hetao", null, null, null), officer, null);
        assertTrue(zoneAndIndustry.count().startsWith("SELECT COUNT(*) FROM (SELECT DISTINCT STRAIGHT_JOIN zi.company_id FROM "
                + "company_industry zi FORCE INDEX (ix_company_industry_zone) "), zoneAndIndustry.count());
        // its own parameters, in the order of its markers: zone, industry, sub-industries, then the officer's rule
        assertEquals(List.of("hetao", "sci-tech", "sci-tech.%", "officer1", "officer1", "team-a"),
                zoneAndIndustry.countParams(), zoneAndIndustry.count());
        assertTrue(zoneAndIndustry.count().endsWith(" LIMIT " + (CompanySearchSql.COUNT_CAP + 1) + ") capped"));
        assertFalse(zoneAndIndustry.select().contains("STRAIGHT_JOIN"), "the page keeps the optimizer's plan");
        // a list, an owner or a stage may be the smaller side: the optimizer keeps the choice
        for (CompanySearchSql.Filter f : List.of(
                new CompanySearchSql.Filter(null, null, "sci-tech", "hetao", 1L, null, null),
                new CompanySearchSql.Filter(null, null, "sci-tech", "hetao", null, "officer1", null),
                new CompanySearchSql.Filter(null, null, "sci-tech", "hetao", null, null, "LEAD"),
                new CompanySearchSql.Filter(null, null, "sci-tech", null, null, null, null),
                new CompanySearchSql.Filter(null, null, null, "hetao", null, null, null))) {
            String count = CompanySearchSql.build(f, officer, null).count();
            assertFalse(count.contains("STRAIGHT_JOIN"), f + ": " + count);
        }
        assertTrue(CompanySearchSql.build(new CompanySearchSql.Filter(null, null, "sci-tech", "hetao", null, null, "NONE"),
                officer, null).count().contains("STRAIGHT_JOIN"), "not pursued: the firm still drives");
    }
}
