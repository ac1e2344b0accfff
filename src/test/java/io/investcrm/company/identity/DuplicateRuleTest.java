package io.investcrm.company.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.investcrm.company.identity.DuplicateMatch.Confidence;
import io.investcrm.company.identity.DuplicateReason.Kind;

class DuplicateRuleTest {

    private final DuplicateRule rule = new DuplicateRule();

    private static final CompanyFacts TENCENT_TECH = CompanyFacts
            .named("腾讯科技(深圳)有限公司", "Tencent Technology (Shenzhen) Co., Ltd.")
            .withCreditCode("9144030071526726XG");

    @Test
    void sameCreditCodeIsCertainEvenAfterARename() {
        CompanyFacts renamed = CompanyFacts.named("某某新名称有限公司", null).withCreditCode(" 9144030071526726xg ");
        DuplicateMatch match = rule.evaluate(renamed, TENCENT_TECH).orElseThrow();
        assertEquals(Confidence.CERTAIN, match.confidence());
        assertEquals(List.of(DuplicateReason.of(Kind.SAME_CREDIT_CODE)), match.reasons());
    }

    @Test
    void sameHkCompanyNumberIsCertain() {
        CompanyFacts a = CompanyFacts.named(null, "Alpha Holdings Limited").withHkCompanyNumber("12345");
        CompanyFacts b = CompanyFacts.named(null, "Completely Different Ltd").withHkCompanyNumber("CR No. 0012345");
        assertEquals(Confidence.CERTAIN, rule.evaluate(a, b).orElseThrow().confidence());
        assertTrue(rule.evaluate(a, b).orElseThrow().has(Kind.SAME_HK_COMPANY_NUMBER));
    }

    @Test
    void sameLeiIsCertain() {
        CompanyFacts a = CompanyFacts.named(null, "Apple Inc.").withLei("hwupkr0mpou8fgxbt394");
        CompanyFacts b = CompanyFacts.named(null, "Apple Incorporated").withLei("HWUPKR0MPOU8FGXBT394");
        DuplicateMatch match = rule.evaluate(a, b).orElseThrow();
        assertEquals(Confidence.CERTAIN, match.confidence());
        assertEquals(List.of(DuplicateReason.of(Kind.SAME_LEI), DuplicateReason.of(Kind.SAME_NORMALIZED_NAME)), match.reasons());
    }

    @Test
    void sameNameInTraditionalChineseIsProbable() {
        CompanyFacts candidate = CompanyFacts.named("騰訊科技（深圳）有限公司", null);
        DuplicateMatch match = rule.evaluate(candidate, TENCENT_TECH).orElseThrow();
        assertEquals(Confidence.PROBABLE, match.confidence());
        assertEquals(List.of(DuplicateReason.of(Kind.SAME_NORMALIZED_NAME)), match.reasons());
    }

    @Test
    void omittedCityPrefixIsProbable() {
        CompanyFacts existing = CompanyFacts.named("深圳市大疆创新科技有限公司", null);
        assertEquals(Confidence.PROBABLE, rule.evaluate(CompanyFacts.named("深圳大疆创新科技有限公司", null), existing)
                .orElseThrow().confidence());
        DuplicateMatch withoutCity = rule.evaluate(CompanyFacts.named("大疆创新科技有限公司", null), existing).orElseThrow();
        assertEquals(Confidence.PROBABLE, withoutCity.confidence());
        assertTrue(withoutCity.has(Kind.SAME_CORE_NAME));
        assertTrue(withoutCity.has(Kind.SIMILAR_NAME));
    }

    @Test
    void englishNameMatchesToo() {
        CompanyFacts candidate = CompanyFacts.named(null, "TENCENT TECHNOLOGY (SHENZHEN) COMPANY LIMITED");
        assertEquals(Confidence.PROBABLE, rule.evaluate(candidate, TENCENT_TECH).orElseThrow().confidence());
    }

    @Test
    void namesTypedIntoTheOtherFieldStillMatch() {
        CompanyFacts candidate = CompanyFacts.named("Tencent Technology (Shenzhen) Co., Ltd.", null);
        assertTrue(rule.evaluate(candidate, TENCENT_TECH).orElseThrow().has(Kind.SAME_NORMALIZED_NAME));
    }

    @Test
    void traditionalAndFormerNamesCount() {
        CompanyFacts existing = CompanyFacts.named("某某新能源科技有限公司", "Mou Mou New Energy Ltd", "某某電池有限公司");
        CompanyFacts candidate = CompanyFacts.named("某某电池有限公司");
        assertTrue(rule.evaluate(candidate, existing).orElseThrow().has(Kind.SAME_NORMALIZED_NAME));
    }

    @Test
    void factsDropMissingNames() {
        assertEquals(List.of("甲"), CompanyFacts.named(null, "甲", " ", "").names());
        assertEquals(List.of(), CompanyFacts.named((String[]) null).names());
        assertEquals(List.of(), new CompanyFacts(null, null, null, null, null).names());
        CompanyFacts facts = CompanyFacts.named("甲").withCreditCode("c").withHkCompanyNumber("h").withLei("l").withGroupId("g");
        assertEquals(new CompanyFacts("c", "h", "l", List.of("甲"), "g"), facts);
    }

    @Test
    void aBranchAgainstItsHeadOfficeIsOnlyPossible() {
        CompanyFacts head = CompanyFacts.named("深圳市腾讯计算机系统有限公司", null);
        CompanyFacts branch = CompanyFacts.named("深圳市腾讯计算机系统有限公司南山分公司", null);
        DuplicateMatch match = rule.evaluate(branch, head).orElseThrow();
        assertEquals(Confidence.POSSIBLE, match.confidence());
        assertTrue(match.has(Kind.SAME_CORE_NAME));
        assertFalse(match.has(Kind.SAME_NORMALIZED_NAME));
    }

    @Test
    void sisterCompaniesInOtherCitiesArePossible() {
        CompanyFacts beijing = CompanyFacts.named("腾讯科技(北京)有限公司", null);
        DuplicateMatch match = rule.evaluate(beijing, TENCENT_TECH).orElseThrow();
        assertEquals(Confidence.POSSIBLE, match.confidence());
        assertEquals(Kind.SAME_CORE_NAME, match.reasons().get(0).kind());
        assertTrue(match.has(Kind.SIMILAR_NAME));
    }

    @Test
    void sameNameWithDifferentCreditCodesIsOnlyPossible() {
        // two registered entities: e.g. a deregistered company whose name was taken up again
        CompanyFacts other = CompanyFacts.named("腾讯科技(深圳)有限公司", null).withCreditCode("914403001922038216");
        DuplicateMatch match = rule.evaluate(other, TENCENT_TECH).orElseThrow();
        assertEquals(Confidence.POSSIBLE, match.confidence());
        assertTrue(match.has(Kind.SAME_NORMALIZED_NAME));
    }

    @Test
    void anIdentifierOnOneSideOnlyDoesNotConflict() {
        CompanyFacts noCode = CompanyFacts.named("腾讯科技(深圳)有限公司", null).withLei("5493001KJTIIGC8Y1R12");
        assertEquals(Confidence.PROBABLE, rule.evaluate(noCode, TENCENT_TECH).orElseThrow().confidence());
    }

    @Test
    void sameGroupAloneIsPossible() {
        CompanyFacts a = CompanyFacts.named("华为技术有限公司", null).withGroupId(" huawei ");
        CompanyFacts b = CompanyFacts.named("海思半导体有限公司", null).withGroupId("huawei");
        DuplicateMatch match = rule.evaluate(a, b).orElseThrow();
        assertEquals(Confidence.POSSIBLE, match.confidence());
        assertEquals(List.of(DuplicateReason.of(Kind.SAME_GROUP)), match.reasons());
    }

    @Test
    void similarEnglishNamesArePossible() {
        CompanyFacts a = CompanyFacts.named(null, "Greenland Energy Solutions Ltd");
        CompanyFacts b = CompanyFacts.named(null, "Greenland Energy Solution Limited");
        DuplicateMatch match = rule.evaluate(a, b).orElseThrow();
        assertEquals(Confidence.POSSIBLE, match.confidence());
        assertEquals(Kind.SIMILAR_NAME, match.reasons().get(0).kind());
        assertTrue(match.reasons().get(0).score() >= DuplicateRule.DEFAULT_POSSIBLE_THRESHOLD);
    }

    @Test
    void theSameWordsInAnotherOrderAreProbable() {
        CompanyFacts a = CompanyFacts.named(null, "Pacific Century Group Holdings Limited");
        CompanyFacts b = CompanyFacts.named(null, "Century Pacific Group Holdings Ltd");
        DuplicateMatch match = rule.evaluate(a, b).orElseThrow();
        assertEquals(Confidence.PROBABLE, match.confidence());
        assertEquals(List.of(Kind.SIMILAR_NAME), match.reasons().stream().map(DuplicateReason::kind).toList());
    }

    @Test
    void unrelatedCompaniesDoNotMatch() {
        assertEquals(Optional.empty(), rule.evaluate(CompanyFacts.named("平安银行股份有限公司", "Ping An Bank Co., Ltd."),
                CompanyFacts.named("招商银行股份有限公司", "China Merchants Bank Co., Ltd.")));
        assertEquals(Optional.empty(), rule.evaluate(CompanyFacts.named("深圳市华强科技有限公司", null),
                CompanyFacts.named("深圳市华为科技有限公司", null)));
        assertEquals(Optional.empty(), rule.evaluate(CompanyFacts.named(null, null), CompanyFacts.named(null, null)));
        assertEquals(Optional.empty(), rule.evaluate(CompanyFacts.named("", " "), TENCENT_TECH));
    }

    @Test
    void differentGroupsOrMissingGroupsAreNoReason() {
        CompanyFacts a = CompanyFacts.named("甲公司", null).withGroupId("g1");
        assertEquals(Optional.empty(), rule.evaluate(a, CompanyFacts.named("乙公司", null).withGroupId("g2")));
        assertEquals(Optional.empty(), rule.evaluate(a, CompanyFacts.named("乙公司", null)));
        assertEquals(Optional.empty(), rule.evaluate(CompanyFacts.named("甲公司", null).withGroupId(" "),
                CompanyFacts.named("乙公司", null).withGroupId(" ")));
    }

    @Test
    void reasonsComeInAFixedOrder() {
        CompanyFacts a = CompanyFacts.named("腾讯科技(北京)有限公司", null).withCreditCode("9144030071526726XG").withGroupId("tencent");
        CompanyFacts b = TENCENT_TECH.withGroupId("tencent");
        List<Kind> kinds = rule.evaluate(a, b).orElseThrow().reasons().stream().map(DuplicateReason::kind).toList();
        assertEquals(List.of(Kind.SAME_CREDIT_CODE, Kind.SAME_CORE_NAME, Kind.SIMILAR_NAME, Kind.SAME_GROUP), kinds);
    }

    @Test
    void thresholdsAreConfigurable() {
        DuplicateRule strict = new DuplicateRule(NameNormalizer.standard(), 1.0, 0.99);
        assertEquals(Optional.empty(), strict.evaluate(CompanyFacts.named(null, "Pacific Century Group"),
                CompanyFacts.named(null, "Century Pacific Group")));
        DuplicateRule loose = new DuplicateRule(NameNormalizer.standard(), 0.5, 0.3);
        assertEquals(Confidence.PROBABLE, loose.evaluate(CompanyFacts.named("华为技术有限公司", null),
                CompanyFacts.named("华为技术服务有限公司", null)).orElseThrow().confidence());
    }

    @Test
    void invalidThresholdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DuplicateRule(NameNormalizer.standard(), 0.5, 0.6));
        assertThrows(IllegalArgumentException.class, () -> new DuplicateRule(NameNormalizer.standard(), 1.1, 0.6));
        assertThrows(IllegalArgumentException.class, () -> new DuplicateRule(NameNormalizer.standard(), 0.9, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new DuplicateRule(NameNormalizer.standard(), Double.NaN, 0.5));
        assertThrows(NullPointerException.class, () -> new DuplicateRule(null, 0.9, 0.7));
        assertThrows(NullPointerException.class, () -> rule.evaluate(null, TENCENT_TECH));
        assertThrows(NullPointerException.class, () -> rule.evaluate(TENCENT_TECH, null));
    }

    @Test
    void reasonRendering() {
        assertEquals("SIMILAR_NAME(0.87)", DuplicateReason.similarName(0.8666).toString());
        assertEquals("SAME_CREDIT_CODE", DuplicateReason.of(Kind.SAME_CREDIT_CODE).toString());
        assertEquals("company.duplicate.similar-name", Kind.SIMILAR_NAME.messageKey());
        assertEquals("company.duplicate.same-hk-company-number", Kind.SAME_HK_COMPANY_NUMBER.messageKey());
        assertThrows(IllegalArgumentException.class, () -> DuplicateReason.similarName(1.5));
        assertThrows(IllegalArgumentException.class, () -> DuplicateReason.similarName(Double.NaN));
        assertThrows(NullPointerException.class, () -> new DuplicateReason(null, 1.0));
    }

    @Test
    void aMatchNeedsAReasonAndKeepsItsOwnCopy() {
        assertThrows(IllegalArgumentException.class, () -> new DuplicateMatch(Confidence.POSSIBLE, List.of()));
        assertThrows(NullPointerException.class, () -> new DuplicateMatch(null, List.of(DuplicateReason.of(Kind.SAME_GROUP))));
        List<DuplicateReason> reasons = new ArrayList<>(List.of(DuplicateReason.of(Kind.SAME_GROUP)));
        DuplicateMatch match = new DuplicateMatch(Confidence.POSSIBLE, reasons);
        reasons.clear();
        assertEquals(1, match.reasons().size());
    }
}
