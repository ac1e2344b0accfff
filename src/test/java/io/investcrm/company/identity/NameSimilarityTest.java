package io.investcrm.company.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSimilarityTest {

    private static final String[] NAMES = {
        "腾讯科技(深圳)有限公司", "深圳市腾讯计算机系统有限公司", "騰訊科技（北京）有限公司", "华为技术有限公司",
        "华为技术服务有限公司", "招商银行股份有限公司深圳分行", "平安银行股份有限公司", "Tencent Holdings Limited",
        "Apple Inc.", "ABC Trading Ltd", "ABD Trading Ltd", "深圳市大疆创新科技有限公司", "大疆创新科技有限公司", "X", "",
    };

    private final NameSimilarity similarity = NameSimilarity.standard();

    @Test
    void scoresLieInTheUnitIntervalAndAreSymmetric() {
        for (String a : NAMES) {
            for (String b : NAMES) {
                double ab = similarity.score(a, b);
                assertTrue(ab >= 0.0 && ab <= 1.0, a + " ~ " + b + " = " + ab);
                assertEquals(ab, similarity.score(b, a), 0.0, a + " ~ " + b);
            }
        }
    }

    @Test
    void scoresAreDeterministic() {
        NameSimilarity other = new NameSimilarity(new NameNormalizer(TraditionalToSimplified::convert));
        for (String a : NAMES) {
            for (String b : NAMES) {
                assertEquals(similarity.score(a, b), other.score(a, b), 0.0);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        腾讯科技(深圳)有限公司          | 騰訊科技（深圳）有限公司
        深圳市大疆创新科技有限公司      | 深圳大疆创新科技有限公司
        Hong Kong Telecom               | Hongkong Telecom Ltd.
        """)
    void equalNormalizedNamesScoreOne(String a, String b) {
        assertEquals(1.0, similarity.score(a, b));
    }

    @Test
    void blankOrNullScoresZero() {
        assertEquals(0.0, similarity.score(null, "腾讯"));
        assertEquals(0.0, similarity.score("腾讯", ""));
        assertEquals(0.0, similarity.score("()", "()"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        深圳市大疆创新科技有限公司      | 大疆创新科技有限公司             | 0.9
        腾讯科技(深圳)有限公司          | 腾讯科技(北京)有限公司           | 0.7
        华为技术有限公司                | 华为技术服务有限公司             | 0.7
        Tencent Technology (Shenzhen) Co., Ltd. | Tencent Technology (Beijing) Co., Ltd. | 0.7
        Pacific Century Group Holdings  | Century Pacific Group Holdings  | 0.7
        """)
    void closeNamesScoreHigh(String a, String b, double atLeast) {
        double score = similarity.score(a, b);
        assertTrue(score >= atLeast, a + " ~ " + b + " = " + score);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        深圳市华强信息技术有限公司      | 深圳市华为信息技术有限公司       | 0.7
        深圳市华强科技有限公司          | 深圳市华为科技有限公司           | 0.5
        平安银行股份有限公司            | 招商银行股份有限公司             | 0.4
        中国平安人寿保险股份有限公司    | 中国平安财产保险股份有限公司     | 0.5
        腾讯科技(深圳)有限公司          | 深圳市腾讯计算机系统有限公司     | 0.4
        ABC Trading Ltd                 | ABD Trading Ltd                  | 0.7
        Apple Inc.                      | Apple Computer Trading Co., Ltd. | 0.5
        腾讯科技(深圳)有限公司          | Tencent Technology (Shenzhen) Co., Ltd. | 0.01
        """)
    void namesThatOnlyShareRegionOrIndustryWordsScoreLow(String a, String b, double below) {
        double score = similarity.score(a, b);
        assertTrue(score < below, a + " ~ " + b + " = " + score);
    }

    @Test
    void sharedPlaceAndIndustryWordsWeighLessThanASharedTradeName() {
        assertTrue(similarity.score("深圳市大疆创新科技有限公司", "大疆创新科技有限公司")
                > similarity.score("深圳市华强科技有限公司", "深圳市华为科技有限公司"));
    }

    @Test
    void diceCoefficientOfBigramMultisets() {
        assertEquals(1.0, NameSimilarity.dice("腾讯科技", "腾讯科技"));
        assertEquals(0.0, NameSimilarity.dice("腾讯", "华为"));
        // {腾讯, 讯科, 科技} vs {腾讯, 讯控, 控股}: 2·1 / 6
        assertEquals(1.0 / 3, NameSimilarity.dice("腾讯科技", "腾讯控股"), 1e-12);
        // multiset: {哈哈×3} vs {哈哈×1}: 2·1 / 4
        assertEquals(0.5, NameSimilarity.dice("哈哈哈哈", "哈哈"), 1e-12);
        assertEquals(1.0, NameSimilarity.dice("x", "x"));
        assertEquals(0.0, NameSimilarity.dice("", ""));
        assertEquals(0.0, NameSimilarity.dice(null, "ab"));
    }

    @Test
    void jaccardIndexOfWordSets() {
        assertEquals(1.0 / 3, NameSimilarity.jaccard(List.of("abc", "trading"), List.of("abd", "trading")), 1e-12);
        assertEquals(1.0, NameSimilarity.jaccard(List.of("a", "a", "b"), List.of("b", "a")));
        assertEquals(0.0, NameSimilarity.jaccard(List.of(), List.of()));
    }

    @Test
    void rejectsNullNormalizer() {
        assertThrows(NullPointerException.class, () -> new NameSimilarity(null));
    }
}
