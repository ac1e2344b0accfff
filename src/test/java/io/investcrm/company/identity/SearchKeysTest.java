package io.investcrm.company.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SearchKeysTest {

    @Test
    void chineseBigramsInOrderOfFirstAppearance() {
        assertEquals(List.of("腾讯", "讯科", "科技"), List.copyOf(SearchKeys.ngrams("腾讯科技")));
    }

    @Test
    void latinTrigrams() {
        assertEquals(List.of("hsb", "sbc"), List.copyOf(SearchKeys.ngrams("hsbc")));
        assertEquals(Set.of(), SearchKeys.ngrams("hk"));
    }

    @Test
    void repeatedWindowsAppearOnce() {
        assertEquals(List.of("哈哈"), List.copyOf(SearchKeys.ngrams("哈哈哈哈")));
        assertEquals(List.of("aba", "bab"), List.copyOf(SearchKeys.ngrams("ababa")));
    }

    @Test
    void termsAddEveryChineseCharacterAndEveryLatinBigram() {
        assertEquals(Set.of("腾", "讯", "腾讯"), SearchKeys.terms("腾讯"));
        assertEquals(Set.of("tcl", "tc", "cl科", "cl", "l科技", "l科", "科", "科技", "技"), SearchKeys.terms("tcl科技"));
        assertEquals(Set.of("ey"), SearchKeys.terms("ey"));
        assertEquals(Set.of(), SearchKeys.terms("e"));
    }

    @Test
    void aQueryTooShortForAWindowLooksUpItsOtherTerms() {
        assertEquals(Set.of("腾"), SearchKeys.queryTerms("腾"));
        assertEquals(Set.of("𠮷"), SearchKeys.queryTerms("𠮷"));
        assertEquals(Set.of("l科", "科"), SearchKeys.queryTerms("l科"));
        assertEquals(Set.of("hk"), SearchKeys.queryTerms("hk"));
        assertEquals(Set.of(), SearchKeys.queryTerms("h"));
        assertEquals(Set.of("腾讯"), SearchKeys.queryTerms("腾讯"));
    }

    @Test
    void everyBigramOfANameIsATerm() {
        // what lets duplicate detection count shared bigrams of Latin names in the index
        for (String name : List.of("byd", "microsoftcorporation", "tcl科技集团")) {
            assertTrue(SearchKeys.terms(name).containsAll(SearchKeys.bigrams(name)), name);
        }
        assertEquals(List.of("by", "yd"), List.copyOf(SearchKeys.bigrams("b y d")));
    }

    @Test
    void emptyAndNullHaveNoKeys() {
        assertEquals(Set.of(), SearchKeys.terms(null));
        assertEquals(Set.of(), SearchKeys.terms(""));
        assertEquals(Set.of(), SearchKeys.terms("  \t"));
    }

    @Test
    void whitespaceIsSkipped() {
        assertEquals(SearchKeys.terms("hsbcbank"), SearchKeys.terms("hsbc bank"));
    }

    @Test
    void supplementaryCharactersCountAsOne() {
        assertEquals(List.of("𠮷野", "野家"), List.copyOf(SearchKeys.ngrams("𠮷野家")));
    }

    @Test
    void mixedScripts() {
        assertEquals(List.of("tcl", "cl科", "l科技", "科技"), List.copyOf(SearchKeys.ngrams("tcl科技")));
    }

    @Test
    void resultIsUnmodifiable() {
        Set<String> grams = SearchKeys.terms("腾讯科技");
        assertThrows(UnsupportedOperationException.class, () -> grams.add("x"));
    }

    @Test
    void everySubstringsQueryTermsAreContainedInTheNamesTerms() {
        // what makes "all query terms present" a sound pre-filter for substring search
        NameNormalizer normalizer = NameNormalizer.standard();
        for (String raw : List.of("騰訊科技（深圳）有限公司", "TCL科技集团 Shenzhen Co., Ltd.", "HSBC Bank (China) 匯豐")) {
            String name = normalizer.fold(raw);
            Set<String> keys = SearchKeys.terms(name);
            for (int from = 0; from < name.length(); from++) {
                for (int to = from + 1; to <= name.length(); to++) {
                    String query = name.substring(from, to);
                    assertTrue(keys.containsAll(SearchKeys.queryTerms(query)), query);
                }
            }
        }
    }
}
