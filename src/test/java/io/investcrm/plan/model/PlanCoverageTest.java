package io.investcrm.plan.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the YAML against the plan text itself: every numbered heading and box of the text is a section with the
 * same title (and nothing else is), the 15 indicators of 专栏1 carry the text's values, and every term the YAML
 * quotes is found in the section it cites.
 *
 * <p>Headings in the text: chapters "五、发展重点", parts "（二）巩固发展支柱产业", items "1.科创产业" (ASCII digit and
 * full stop), sub-items "（1）综合实力强劲", boxes "专栏 9：…"; any of them may be indented by a space. A line with a
 * "。" is a paragraph that starts with a number, not a heading.
 */
class PlanCoverageTest {

    private static final Pattern CHAPTER = Pattern.compile("([一二三四五六七八九十]+)、(.+)");
    private static final Pattern PART = Pattern.compile("（([一二三四五六七八九十]+)）(.+)");
    private static final Pattern ITEM = Pattern.compile("(\\d+)\\.(.+)");
    private static final Pattern SUB_ITEM = Pattern.compile("（(\\d+)）(.+)");
    private static final Pattern BOX = Pattern.compile("专栏\\s*(\\d+)：(.+)");

    /** A heading of the text: its ref as the YAML writes it, its title and the lines of its body. */
    private record Heading(String ref, String title, int line) {
    }

    private static List<String> lines;
    private static Map<String, Heading> headings;
    private static PlanDocument plan;

    @BeforeAll
    static void readText() throws IOException {
        lines = Files.readAllLines(TestPlans.FUTIAN_TEXT, StandardCharsets.UTF_8);
        headings = outline(lines);
        plan = TestPlans.futian();
    }

    private static Map<String, Heading> outline(List<String> text) {
        Map<String, Heading> out = new LinkedHashMap<>();
        String chapter = null;
        String part = null;
        String item = null;
        for (int n = 0; n < text.size(); n++) {
            String line = text.get(n).strip();
            if (line.contains("。")) {
                continue;
            }
            Matcher m;
            if ((m = CHAPTER.matcher(line)).matches()) {
                chapter = m.group(1);
                part = null;
                item = null;
                out.put(chapter, new Heading(chapter, m.group(2), n));
            } else if ((m = PART.matcher(line)).matches() && chapter != null) {
                part = chapter + "(" + m.group(1) + ")";
                item = null;
                out.put(part, new Heading(part, m.group(2), n));
            } else if ((m = ITEM.matcher(line)).matches() && chapter != null) {
                item = (part != null ? part : chapter) + m.group(1);
                out.put(item, new Heading(item, m.group(2), n));
            } else if ((m = SUB_ITEM.matcher(line)).matches() && item != null) {
                String ref = item + "(" + m.group(1) + ")";
                out.put(ref, new Heading(ref, m.group(2), n));
            } else if ((m = BOX.matcher(line)).matches()) {
                String ref = "专栏" + m.group(1);
                out.put(ref, new Heading(ref, m.group(2), n));
            }
        }
        return out;
    }

    /** The heading line and everything up to the next heading, without any whitespace. */
    private static String body(String ref) {
        Heading h = headings.get(ref);
        assertNotNull(h, "no heading " + ref + " in the text");
        int end = headings.values().stream().mapToInt(Heading::line).filter(l -> l > h.line()).min()
                .orElse(lines.size());
        return squeeze(String.join("", lines.subList(h.line(), end)));
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void theOutlineOfTheTextHasTheExpectedShape() {
        assertEquals(12, headings.keySet().stream().filter(r -> r.startsWith("专栏")).count());
        assertEquals(List.of("五(一)1", "五(一)2", "五(一)3"), refsUnder("五(一)"));
        assertEquals(List.of("五(三)1", "五(三)2", "五(三)3", "五(三)4"), refsUnder("五(三)"));
        assertEquals(List.of("五(四)1", "五(四)2", "五(四)3"), refsUnder("五(四)"));
        assertEquals(8, refsUnder("六(二)").size());
        assertTrue(refsUnder("六(一)").isEmpty());
        assertFalse(headings.containsKey("四(四)(1)"), "the run-in paragraphs of 四's study box are not headings");
    }

    private static List<String> refsUnder(String ref) {
        return headings.keySet().stream().filter(r -> r.startsWith(ref) && r.length() > ref.length()
                && Character.isDigit(r.charAt(ref.length())) && !r.substring(ref.length()).contains("(")).toList();
    }

    @Test
    void everyHeadingOfChaptersFiveAndSixIsASectionWithTheTextsTitle() {
        List<Heading> fiveAndSix = headings.values().stream()
                .filter(h -> h.ref().startsWith("五") || h.ref().startsWith("六")).toList();
        assertEquals(2 + 4 + 13 + 2 + 8, fiveAndSix.size(), "五, 五(一)–(四), 13 items, 六, 六(一)–(二), 8 zones");
        for (Heading h : fiveAndSix) {
            PlanSection s = plan.section(h.ref()).orElse(null);
            assertNotNull(s, "section " + h.ref() + " " + h.title() + " is missing from sections:");
            assertEquals(h.title(), s.title().zh(), "title of " + h.ref());
        }
    }

    @Test
    void everyBoxIsASectionWithTheTextsTitle() {
        for (Heading h : headings.values().stream().filter(h -> h.ref().startsWith("专栏")).toList()) {
            PlanSection s = plan.section(h.ref()).orElse(null);
            assertNotNull(s, "box " + h.ref() + " is missing from sections:");
            assertEquals(SectionKind.BOX, s.kind(), h.ref());
            assertEquals(h.title(), s.title().zh(), "title of " + h.ref());
        }
    }

    @Test
    void theSectionsAreExactlyTheTextsHeadings() {
        Map<String, String> fromText = headings.values().stream()
                .collect(Collectors.toMap(Heading::ref, Heading::title, (a, b) -> a, LinkedHashMap::new));
        Map<String, String> fromYaml = plan.sections().stream()
                .collect(Collectors.toMap(PlanSection::ref, s -> s.title().zh(), (a, b) -> a, LinkedHashMap::new));
        assertEquals(fromText, fromYaml);
        assertEquals(new ArrayList<>(fromText.keySet()).subList(0, 20),
                new ArrayList<>(fromYaml.keySet()).subList(0, 20), "sections: keeps the text's order");
    }

    @Test
    void theFifteenIndicatorsOfBoxOneCarryTheTextsValues() {
        String box = body("专栏1").replace("²", "2");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
                plan.indicators().stream().map(Indicator::number).toList());
        for (Indicator i : plan.indicators()) {
            assertEquals("专栏1", i.ref());
            assertEquals(List.of(2025, 2030, 2035), i.targets().stream().map(Milestone::year).toList());
            assertEquals(2020, i.actual().year());
            String row = squeeze(i.name().zh() + i.unit().zh() + i.actual().value()
                    + i.targets().stream().map(Milestone::value).collect(Collectors.joining())).replace("²", "2");
            assertTrue(box.contains(row), "indicator " + i.number() + ": row " + row + " not in 专栏1");
            assertTrue(box.contains(squeeze(i.dimension().zh())), "dimension of indicator " + i.number());
        }
    }

    @Test
    void theIndicatorTargetsAgreeWithTheIndicators() {
        for (Target t : plan.targets()) {
            if (t.indicator() != null) {
                Indicator i = plan.indicator(t.indicator()).orElseThrow();
                assertEquals(i.actual(), t.baseline(), t.code());
                assertEquals(i.targets(), t.milestones(), t.code());
                assertEquals(i.name(), t.title(), t.code());
            }
        }
    }

    @Test
    void zonePrioritiesPresenceAndFunctionsQuoteTheSectionTheyCite() {
        for (Zone z : plan.zones()) {
            for (ZonePriority p : z.priorities()) {
                assertTrue(body(p.ref()).contains(squeeze(p.term())),
                        z.code() + ": “" + p.term() + "” is not in " + p.ref());
            }
            for (PresenceTerm p : z.presence()) {
                assertTrue(body(z.ref()).contains(squeeze(p.term())), z.code() + ": “" + p.term() + "”");
            }
            for (LocalizedText f : z.functions()) {
                assertTrue(body(z.ref()).contains(squeeze(f.zh())), z.code() + ": “" + f.zh() + "”");
            }
            assertTrue(headings.get(z.ref()).title().startsWith(z.name().zh()), z.code() + " is named as its heading");
        }
    }

    @Test
    void beltsQuoteSectionSixOne() {
        for (Belt b : plan.belts()) {
            assertEquals("六(一)", b.ref());
            assertTrue(body(b.ref()).contains(squeeze(b.term())), b.code());
            for (LocalizedText place : b.places()) {
                assertTrue(body(b.ref()).contains(place.zh()), place.zh());
            }
        }
    }

    @Test
    void hqKindAndTargetTermsQuoteTheSectionTheyCite() {
        for (HqKind h : plan.hqKinds()) {
            String text = body(h.ref());
            h.sectors().forEach(s -> assertTrue(body(s.ref()).contains(squeeze(s.term())), h.ref() + " " + s.term()));
            h.presence().forEach(p -> assertTrue(text.contains(squeeze(p.term())), h.ref() + " " + p.term()));
            h.lists().forEach(l -> assertTrue(text.contains(squeeze(l.term())), h.ref() + " " + l.term()));
        }
        for (Target t : plan.targets()) {
            t.fields().forEach(f -> assertTrue(body(f.ref()).contains(squeeze(f.term())), t.code() + " " + f.term()));
            t.tiers().forEach(tier -> assertTrue(body(t.ref()).contains(squeeze(tier.label().zh())),
                    t.code() + " " + tier.label().zh()));
            if (t.note() != null) {
                assertTrue(body(t.ref()).contains(squeeze(t.note().zh())), t.code() + " note");
            }
        }
        assertTrue(body("专栏9").contains("50家以上"));
        assertTrue(body("专栏10").contains("未来引进100家"));
        assertTrue(body("二(一)1(2)").contains("累计145家世界500强企业"));
    }

    @Test
    void everyIndustryIsNamedInASectionOfTheText() {
        Set<String> refs = headings.keySet();
        for (Industry i : plan.industries()) {
            assertTrue(refs.contains(i.ref()), i.code() + " cites " + i.ref());
        }
    }
}
