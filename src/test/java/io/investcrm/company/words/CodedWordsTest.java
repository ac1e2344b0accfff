package io.investcrm.company.words;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.investcrm.company.EntityRole;
import io.investcrm.company.contact.Consent;
import io.investcrm.plan.model.Industry;
import io.investcrm.plan.model.PlanDocument;
import io.investcrm.plan.model.PresenceKind;
import io.investcrm.plan.model.TestPlans;
import io.investcrm.plan.model.Zone;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.web.Messages;

/** The words an office writes for coded values, read against the Futian plan and the JDK's locale data (issue 15). */
class CodedWordsTest {

    static final PlanDocument PLAN = TestPlans.futian();
    static final CodedWords WORDS = CodedWords.forPlan(PLAN);

    @ParameterizedTest
    @CsvSource({ "香港, HK", "中国香港, HK", "中國香港, HK", "中国香港特别行政区, HK", "Hong Kong, HK", "hong kong, HK",
            "HK, HK", "hk, HK", "HKG, HK", "Hong Kong SAR China, HK", "澳门, MO", "澳門, MO", "中国, CN", "中國, CN", "China, CN",
            "CN, CN", "美国, US", "United States, US", "USA, US", "英国, GB", "德國, DE", "新加坡, SG", "台湾, TW",
            "'Hong Kong, China', HK" })
    void countriesAndRegionsByTheirNames(String written, String code) {
        Resolution r = WORDS.country(written);
        assertEquals(Resolution.Outcome.FOUND, r.outcome(), written + " → " + r);
        assertEquals(code, r.code());
    }

    @ParameterizedTest
    @CsvSource({ "华强-上步片区, huaqiang-shangbu", "华强-上步, huaqiang-shangbu", "华强上步, huaqiang-shangbu",
            "六(二)4, huaqiang-shangbu", "六（二）4, huaqiang-shangbu", "六(二)4 华强-上步, huaqiang-shangbu",
            "Huaqiang-Shangbu, huaqiang-shangbu", "huaqiang-shangbu, huaqiang-shangbu", "香蜜湖新金融中心, xiangmihu",
            "河套深港科技创新合作区, hetao", "八卦岭片区, bagualing" })
    void zonesByThePlansNamesAndRefs(String written, String code) {
        Resolution r = WORDS.zone(written);
        assertEquals(code, r.code(), written + " → " + r);
    }

    @ParameterizedTest
    @CsvSource({ "集成电路设计, sci-tech.semiconductor.ic-design", "IC design, sci-tech.semiconductor.ic-design",
            "芯片设计, sci-tech.semiconductor.ic-design", "集成電路設計, sci-tech.semiconductor.ic-design",
            "半导体与集成电路, sci-tech.semiconductor", "智能终端, sci-tech.smart-terminals", "机器人, sci-tech.robotics",
            "sci-tech.semiconductor.ic-design, sci-tech.semiconductor.ic-design" })
    void industriesByNameAndKeyword(String written, String code) {
        Resolution r = WORDS.industry(written);
        assertEquals(code, r.code(), written + " → " + r);
    }

    @Test
    void aKeywordOfSeveralIndustriesAsksWhichOne() {
        Resolution r = WORDS.industry("跨境电商");
        assertEquals(Resolution.Outcome.AMBIGUOUS, r.outcome());
        assertEquals(List.of("sci-tech.software-it.e-commerce", "trade-exhibition.cross-border-logistics"),
                r.candidates().stream().map(Choice::code).sorted().toList());
        FieldError e = r.error("industries");
        assertEquals("words.ambiguous", e.messageKey());
        String message = Messages.format(Messages.ZH, e.messageKey(), e.args());
        assertTrue(message.contains("跨境电商") && message.contains("sci-tech.software-it.e-commerce"), message);
    }

    @Test
    void aValueThatFitsNothingIsReportedWithTheClosestCandidates() {
        Resolution r = WORDS.zone("华强北上步");
        assertEquals(Resolution.Outcome.UNKNOWN, r.outcome());
        assertEquals("huaqiang-shangbu", r.candidates().get(0).code(), r.toString());
        Resolution country = WORDS.country("香巷");
        assertEquals(Resolution.Outcome.UNKNOWN, country.outcome());
        assertTrue(country.candidates().stream().anyMatch(c -> c.code().equals("HK")), country.toString());
        assertEquals("words.unknown.none", WORDS.industry("qqqqqqqqqqqq").error("industries").messageKey());
        assertNull(WORDS.country("  ").error("hqCountry"));
    }

    @ParameterizedTest
    @CsvSource({ "区域总部, REGIONAL_HQ", "Regional HQ, REGIONAL_HQ", "REGIONAL_HQ, REGIONAL_HQ", "regional-hq, REGIONAL_HQ",
            "研发中心, RD_CENTER", "分支机构, BRANCH", "总部, GLOBAL_HQ", "全球总部, GLOBAL_HQ" })
    void presenceKindsByTheirLabels(String written, String code) {
        assertEquals(code, WORDS.presence(written).code());
    }

    @Test
    void groupRolesAndConsentByTheirLabels() {
        assertEquals("REGIONAL_HQ", WORDS.choice(EntityRole.class, "entityRole.", "区域总部").code());
        assertEquals("HK_FIRM", WORDS.choice(EntityRole.class, "entityRole.", "香港所").code());
        assertEquals("GRANTED", WORDS.choice(Consent.class, "contact.consent.", "本人已同意").code());
        assertEquals("GRANTED", WORDS.choice(Consent.class, "contact.consent.", "granted").code());
    }

    /** Exports write labels; every label of every coded value must read back as its own code. */
    @Test
    void everyExportLabelReadsBackInBothLanguages() {
        List<String> failures = new ArrayList<>();
        for (Locale locale : List.of(Messages.ZH, Messages.EN)) {
            for (String code : Locale.getISOCountries()) {
                check(failures, code, WORDS.country(WORDS.countryLabel(code, locale)));
            }
            for (Zone z : PLAN.zones()) {
                check(failures, z.code(), WORDS.zone(WORDS.zoneLabel(z.code(), locale)));
            }
            for (Industry root : PLAN.rootIndustries()) {
                check(failures, root.code(), WORDS.industry(WORDS.industryLabel(root.code(), locale)));
                for (Industry i : PLAN.descendants(root.code())) {
                    check(failures, i.code(), WORDS.industry(WORDS.industryLabel(i.code(), locale)));
                }
            }
            for (PresenceKind p : PresenceKind.values()) {
                check(failures, p.name(), WORDS.presence(WORDS.presenceLabel(p.name(), locale)));
            }
            for (EntityRole role : EntityRole.values()) {
                check(failures, role.name(), WORDS.choice(EntityRole.class, "entityRole.",
                        WORDS.choiceLabel(role, "entityRole.", locale)));
            }
        }
        assertEquals(List.of(), failures);
    }

    private static void check(List<String> failures, String code, Resolution r) {
        if (!code.equals(r.code())) {
            failures.add(code + " ← " + r);
        }
    }

    @Test
    void labelsAreChineseByDefaultAndEnglishOnRequest() {
        assertEquals("中国香港特别行政区", WORDS.countryLabel("HK", Messages.ZH));
        assertEquals("Hong Kong SAR China", WORDS.countryLabel("HK", Messages.EN));
        assertEquals("华强-上步片区", WORDS.zoneLabel("huaqiang-shangbu", Messages.ZH));
        assertEquals("集成电路设计", WORDS.industryLabel("sci-tech.semiconductor.ic-design", Messages.ZH));
        assertEquals("区域总部", WORDS.presenceLabel("REGIONAL_HQ", Messages.ZH));
    }
}
