package io.investcrm.goals.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.investcrm.plan.model.LocalizedText;
import io.investcrm.plan.model.RankingScope;
import io.investcrm.plan.model.TargetTier;

/** The counting rules on every edge case of issue 10, without a database. */
class CountingRulesTest {

    static final LocalDate START = LocalDate.of(2022, 1, 1);
    static final CountingWindow WINDOW = new CountingWindow(START, LocalDate.of(2026, 12, 31));
    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
    static final LocalizedText HK_LAW = new LocalizedText("香港律所排名", "Hong Kong law firm ranking");

    // 专栏9 as the plan file states it
    static final CountingRule COLUMN_9 = CountingRule.tiered("top-professional-firms-50", "专栏9", List.of(
            new TargetTier(RankingScope.INTERNATIONAL, 20, null), new TargetTier(RankingScope.HONG_KONG, 10, null),
            new TargetTier(RankingScope.MAINLAND, 5, null)),
            List.of("professional.accounting-tax", "professional.legal", "professional.management-consulting",
                    "professional.ip", "professional.engineering-consulting"));
    static final CountingRule F500 = CountingRule.listedGroup("fortune-global-500", "二(一)1(2)", List.of("fortune-global-500"));
    static final CountingRule LICENSED = CountingRule.licence("licensed-financial-institutions", "专栏1 #10",
            LicenceType.FINANCIAL_LICENCE.name());

    static Membership hkLaw(int year, int rank) {
        return new Membership("hk-law", HK_LAW, year, RankingScope.HONG_KONG, "professional.legal", rank);
    }

    static Membership fortune(int rank) {
        return new Membership("fortune-global-500", new LocalizedText("财富世界500强", "Fortune Global 500"), 2024,
                RankingScope.INTERNATIONAL, null, rank);
    }

    /** A firm landed and verified on {@code landedOn}, standalone (its own group), with the given rankings. */
    static Firm landed(long id, LocalDate landedOn, Membership... ms) {
        return new Firm(id, "firm " + id, null, id, "LANDED", true, landedOn, null, "futian-cbd", "T1", 100, null,
                List.of(ms), List.of());
    }

    static Firm with(Firm f, String stage, LocalDate landedOn) {
        return new Firm(f.companyId(), f.name(), f.mergedInto(), f.groupKey(), stage, f.open(), landedOn, f.departedOn(),
                f.zone(), f.team(), f.probability(), f.expectedLanding(), f.memberships(), f.licences());
    }

    static Verdict only(CountingRule rule, Firm... firms) {
        List<Verdict> v = CountingRules.apply(rule, List.of(firms), WINDOW, AS_OF);
        assertEquals(1, v.size(), v.toString());
        return v.get(0);
    }

    @Test
    void aVerifiedLandingWithAQualifyingRankingCountsAndCitesRankingAndRule() {
        Verdict v = only(COLUMN_9, landed(1, LocalDate.of(2025, 3, 1), hkLaw(2024, 3), hkLaw(2024, 12)));
        assertTrue(v.counted());
        assertEquals("香港律所排名 2024 第 3 名 → 专栏9 香港前10", v.reason().zh());
        assertEquals("Hong Kong law firm ranking 2024 #3 → 专栏9 Hong Kong top 10", v.reason().en());
        assertEquals("HONG_KONG", v.tier());
    }

    @Test
    void anUnverifiedLandingIsForecastNotCounted() {
        Verdict v = only(COLUMN_9, landed(1, null, hkLaw(2024, 3)));
        assertEquals(Verdict.Status.FORECAST, v.status());
        assertEquals("goals.forecast.unverified", v.code());
    }

    @Test
    void aLandingVerifiedAfterTheDayAskedAboutDoesNotCountYet() {
        Verdict v = only(COLUMN_9, landed(1, AS_OF.plusDays(1), hkLaw(2024, 3)));
        assertEquals(Verdict.Status.FORECAST, v.status());
    }

    @Test
    void theSecondOfficeOfACountedNetworkAddsNothing() {
        Firm first = landed(1, LocalDate.of(2024, 5, 1), hkLaw(2024, 3));
        Firm second = new Firm(2, "second office", null, 1, "LANDED", true, LocalDate.of(2025, 1, 1), null, "xiangmihu",
                "T2", 100, null, List.of(hkLaw(2024, 3)), List.of());
        List<Verdict> v = CountingRules.apply(COLUMN_9, List.of(second, first), WINDOW, AS_OF);
        assertEquals(List.of(Verdict.Status.COUNTED, Verdict.Status.EXCLUDED), v.stream().map(Verdict::status).toList());
        assertEquals(1L, v.get(0).firm().companyId());
        assertEquals("goals.excluded.group-counted", v.get(1).code());
    }

    @Test
    void aDepartedFirmStopsCountingFromItsDepartureDate() {
        Firm f = landed(1, LocalDate.of(2024, 5, 1), hkLaw(2024, 3));
        Firm departed = new Firm(1, f.name(), null, 1, "LANDED", true, f.landedOn(), LocalDate.of(2026, 3, 1), null, null,
                100, null, f.memberships(), List.of());
        assertEquals("goals.excluded.departed", only(COLUMN_9, departed).code());
        // the day before it left it still counted
        assertTrue(CountingRules.apply(COLUMN_9, List.of(departed), WINDOW, LocalDate.of(2026, 2, 28)).get(0).counted());
    }

    @Test
    void aRankingOutsideTheWindowDoesNotQualify() {
        Verdict v = only(COLUMN_9, landed(1, LocalDate.of(2025, 3, 1), hkLaw(2019, 1)));
        assertEquals("goals.excluded.ranking-outside-window", v.code());
        assertNull(v.reason());
    }

    @Test
    void aRankingPublishedAfterTheDayAskedAboutDoesNotQualifyYet() {
        Firm f = landed(1, LocalDate.of(2025, 3, 1), hkLaw(2026, 2));
        assertTrue(CountingRules.apply(COLUMN_9, List.of(f), WINDOW, AS_OF).get(0).counted());
        assertEquals("goals.excluded.ranking-outside-window",
                CountingRules.apply(COLUMN_9, List.of(f), WINDOW, LocalDate.of(2025, 12, 31)).get(0).code());
    }

    @Test
    void aFortuneGlobal500RankAloneQualifiesNoProfessionalServiceTarget() {
        Firm f = landed(1, LocalDate.of(2025, 3, 1), fortune(57));
        assertEquals("goals.excluded.no-qualifying-ranking", only(COLUMN_9, f).code());
        Verdict f500 = only(F500, f);
        assertTrue(f500.counted());
        assertEquals("财富世界500强 2024 第 57 名 → 二(一)1(2)", f500.reason().zh());
    }

    @Test
    void aRankBelowTheTierCutOffDoesNotQualify() {
        assertEquals("goals.excluded.no-qualifying-ranking",
                only(COLUMN_9, landed(1, LocalDate.of(2025, 3, 1), hkLaw(2024, 11))).code());
    }

    @Test
    void aSignedFirmIsForecastNotCounted() {
        Firm signed = with(landed(1, null, hkLaw(2024, 3)), "SIGNED", null);
        Verdict v = only(COLUMN_9, signed);
        assertEquals(Verdict.Status.FORECAST, v.status());
        assertEquals("goals.forecast.signed-not-landed", v.code());
    }

    @Test
    void aMergedDuplicateCountsOnceThroughItsSurvivor() {
        Firm survivor = landed(1, LocalDate.of(2025, 3, 1), hkLaw(2024, 3));
        Firm loser = new Firm(2, "duplicate", 1L, 2, "LANDED", true, LocalDate.of(2025, 3, 1), null, null, null, 100, null,
                List.of(hkLaw(2024, 3)), List.of());
        List<Verdict> v = CountingRules.apply(COLUMN_9, List.of(survivor, loser), WINDOW, AS_OF);
        assertEquals(1, v.stream().filter(Verdict::counted).count());
        assertEquals("goals.excluded.merged", v.stream().filter(x -> x.firm().companyId() == 2).findFirst().orElseThrow().code());
    }

    @Test
    void aLandingBeforeTheWindowDoesNotCount() {
        assertEquals("goals.excluded.landed-outside-window",
                only(COLUMN_9, landed(1, LocalDate.of(2021, 6, 1), hkLaw(2022, 3))).code());
    }

    @Test
    void aFortuneGroupCountsOnceWhateverNumberOfEntitiesLanded() {
        Firm hq = new Firm(10, "regional HQ", null, 9, "LANDED", true, LocalDate.of(2024, 1, 1), null, null, null, 100, null,
                List.of(fortune(57)), List.of());
        Firm branch = new Firm(11, "branch", null, 9, "LANDED", true, LocalDate.of(2025, 1, 1), null, null, null, 100, null,
                List.of(fortune(57)), List.of());
        assertEquals(1, CountingRules.apply(F500, List.of(hq, branch), WINDOW, AS_OF).stream().filter(Verdict::counted).count());
    }

    @Test
    void aLicenceCountsOnlyWhileValid() {
        Licence l = new Licence(LicenceType.FINANCIAL_LICENCE.name(), "B0001H244030001", LocalDate.of(2023, 1, 1),
                LocalDate.of(2026, 1, 31));
        Firm bank = new Firm(5, "bank", null, 5, "LANDED", true, LocalDate.of(2023, 2, 1), null, null, null, 100, null,
                List.of(), List.of(l));
        Verdict valid = CountingRules.apply(LICENSED, List.of(bank), WINDOW, LocalDate.of(2025, 6, 1)).get(0);
        assertTrue(valid.counted());
        assertEquals("金融许可证 B0001H244030001（有效期至 2026-01-31） → 专栏1 #10", valid.reason().zh());
        assertEquals("goals.excluded.no-valid-licence", only(LICENSED, bank).code());
        // a description mentioning a licence is no licence: no recorded licence, nothing counted
        Firm keywords = new Firm(6, "持牌银行", null, 6, "LANDED", true, LocalDate.of(2023, 2, 1), null, null, null, 100,
                null, List.of(), List.of());
        assertEquals("goals.excluded.no-valid-licence", only(LICENSED, keywords).code());
    }

    @Test
    void firmsTheTargetIgnoresAreLeftOut() {
        Firm unranked = landed(1, LocalDate.of(2025, 3, 1));
        Firm unpursued = new Firm(2, "register only", null, 2, null, false, null, null, null, null, 0, null,
                List.of(hkLaw(2024, 1)), List.of());
        List<Verdict> v = new ArrayList<>(CountingRules.apply(COLUMN_9, List.of(unpursued), WINDOW, AS_OF));
        assertTrue(v.isEmpty());
        assertEquals("goals.excluded.no-qualifying-ranking", only(COLUMN_9, unranked).code());
    }
}
