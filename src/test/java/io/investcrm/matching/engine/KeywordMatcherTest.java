package io.investcrm.matching.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KeywordMatcherTest {

    private static KeywordMatcher matcher(String... keywords) {
        KeywordMatcher m = new KeywordMatcher();
        for (int i = 0; i < keywords.length; i++) {
            m.add(keywords[i], i);
        }
        m.freeze();
        return m;
    }

    private static List<String> found(KeywordMatcher m, String text) {
        return m.find(text).stream().map(KeywordMatcher.Hit::keyword).toList();
    }

    @Test
    void theFastNormalisationEqualsNfkcForEveryCharacter() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            String s = "a" + c + "Z";
            assertEquals(KeywordMatcher.slowNormalize(s), KeywordMatcher.normalize(s), "U+" + Integer.toHexString(c));
        }
        String mixed = "  ＡＩ　芯片设计（EDA）“湾区芯谷”·Shenzhen\t\n  Co. ";
        assertEquals(KeywordMatcher.slowNormalize(mixed), KeywordMatcher.normalize(mixed));
        assertEquals("ai 芯片设计(eda)“湾区芯谷”·shenzhen co.", KeywordMatcher.normalize(mixed));
    }

    @Test
    void chineseKeywordsMatchAsSubstrings() {
        KeywordMatcher m = matcher("芯片", "银行");
        assertEquals(List.of("芯片", "银行"), found(m, "从事芯片研发，合作伙伴为招商银行"));
        assertEquals(List.of("银行", "银行"), found(m, "银行与银行"));
    }

    @Test
    void theLongestOverlappingKeywordWins() {
        KeywordMatcher m = matcher("集成电路", "集成电路设计", "设计", "电路设计公司");
        assertEquals(List.of("集成电路设计"), found(m, "集成电路设计"));
        assertEquals(List.of("集成电路设计"), found(m, "集成电路设计公司"), "equal lengths: the earlier one wins");
        assertEquals(List.of("集成电路设计", "设计"), found(m, "集成电路设计与设计"));
    }

    @Test
    void latinKeywordsMatchWholeWordsInAnyCase() {
        KeywordMatcher m = matcher("AI", "IC design", "3D打印");
        assertEquals(List.of("AI"), found(m, "An ai company"));
        assertEquals(List.of("AI"), found(m, "AI芯片"));
        assertEquals(List.of(), found(m, "Shanghai maintains"));
        assertEquals(List.of("IC design"), found(m, "Fabless IC   DESIGN house"));
        assertEquals(List.of(), found(m, "ASIC designs"));
        assertEquals(List.of("3D打印"), found(m, "工业级3D打印"));
        assertEquals(List.of(), found(m, "13D打印"));
    }

    @Test
    void aKeywordSharedByIndustriesPointsToAllOfThem() {
        KeywordMatcher m = new KeywordMatcher();
        m.add("跨境电商", 3);
        m.add("跨境电商", 7);
        m.add("跨境电商", 3);
        m.freeze();
        assertArrayEquals(new int[] {3, 7}, m.find("做跨境电商").get(0).industries());
    }

    @Test
    void theMatcherIsFrozenBeforeUse() {
        KeywordMatcher m = new KeywordMatcher();
        assertThrows(IllegalStateException.class, () -> m.find("x"));
        m.freeze();
        assertThrows(IllegalStateException.class, () -> m.add("x", 0));
        assertEquals(List.of(), found(m, ""));
    }
}
