package io.investcrm.company.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SearchKeysTest {

    @Test
    void bigramsInOrderOfFirstAppearance() {
        assertEquals(List.of("腾讯", "讯科", "科技"), List.copyOf(SearchKeys.ngrams("腾讯科技")));
    }

    @Test
    void repeatedBigramsAppearOnce() {
        assertEquals(List.of("哈哈"), List.copyOf(SearchKeys.ngrams("哈哈哈哈")));
        assertEquals(List.of("ab", "ba"), List.copyOf(SearchKeys.ngrams("ababa")));
    }

    @Test
    void oneCharacterIsItsOwnKey() {
        assertEquals(Set.of("腾"), SearchKeys.ngrams("腾"));
        assertEquals(Set.of("𠮷"), SearchKeys.ngrams("𠮷"));
    }

    @Test
    void emptyAndNullHaveNoKeys() {
        assertEquals(Set.of(), SearchKeys.ngrams(null));
        assertEquals(Set.of(), SearchKeys.ngrams(""));
        assertEquals(Set.of(), SearchKeys.ngrams("  \t"));
    }

    @Test
    void whitespaceIsSkipped() {
        assertEquals(SearchKeys.ngrams("hsbcbank"), SearchKeys.ngrams("hsbc bank"));
    }

    @Test
    void supplementaryCharactersCountAsOne() {
        assertEquals(List.of("𠮷野", "野家"), List.copyOf(SearchKeys.ngrams("𠮷野家")));
    }

    @Test
    void mixedScripts() {
        assertEquals(List.of("tc", "cl", "l科", "科技"), List.copyOf(SearchKeys.ngrams("tcl科技")));
    }

    @Test
    void resultIsUnmodifiable() {
        Set<String> grams = SearchKeys.ngrams("腾讯科技");
        assertThrows(UnsupportedOperationException.class, () -> grams.add("x"));
    }

    @Test
    void everySubstringsKeysAreContainedInTheNamesKeys() {
        // what makes "all query bigrams present" a sound pre-filter for substring search
        NameNormalizer normalizer = NameNormalizer.standard();
        String name = normalizer.fold("騰訊科技（深圳）有限公司");
        Set<String> keys = SearchKeys.ngrams(name);
        for (int from = 0; from < name.length(); from++) {
            for (int to = from + 2; to <= name.length(); to++) {
                String query = name.substring(from, to);
                assertTrue(keys.containsAll(SearchKeys.ngrams(query)), query);
            }
        }
    }
}
