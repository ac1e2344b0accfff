package io.investcrm.company.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraditionalToSimplifiedTest {

    @Test
    void convertsTheCommonCompanyAndFinanceWords() {
        assertEquals("国际银行集团有限公司会计师事务所律师行证券保险投资发展贸易电子资讯科技实业控股环球亚洲东",
                TraditionalToSimplified.convert("國際銀行集團有限公司會計師事務所律師行證券保險投資發展貿易電子資訊科技實業控股環球亞洲東"));
    }

    @ParameterizedTest
    @CsvSource({
        "香港上海滙豐銀行有限公司, 香港上海汇丰银行有限公司",
        "鴻海精密工業股份有限公司, 鸿海精密工业股份有限公司",
        "長江實業（集團）有限公司, 长江实业（集团）有限公司",
        "新鴻基地產發展有限公司, 新鸿基地产发展有限公司",
        "聯想集團有限公司, 联想集团有限公司",
        "華潤置地有限公司, 华润置地有限公司",
        "臺灣積體電路製造股份有限公司, 台湾积体电路制造股份有限公司",
        "鋰電池電動車, 锂电池电动车",
        "廣東電網, 广东电网",
        "諮詢顧問財務審計稅務, 咨询顾问财务审计税务",
        "貸款融資擔保資產管理, 贷款融资担保资产管理",
        "網絡數據雲計算醫療醫藥, 网络数据云计算医疗医药",
        "衞生 敍述 槪念, 卫生 叙述 概念",
        "後勤 夥伴 徵信, 后勤 伙伴 征信"})
    void convertsCompanyNames(String traditional, String simplified) {
        assertEquals(simplified, TraditionalToSimplified.convert(traditional));
    }

    @Test
    void leavesAmbiguousCharactersAlone() {
        // 乾 is also 乾坤, 著 also 著名: OpenCC keeps them by default, and so does the table
        assertEquals("乾著瞭藉", TraditionalToSimplified.convert("乾著瞭藉"));
    }

    @Test
    void leavesSimplifiedLatinAndSupplementaryCharactersAlone() {
        String text = "腾讯 Tencent 123 𠮷野家 ＡＢＣ";
        assertSame(text, TraditionalToSimplified.convert(text));
        assertEquals("𠮷野家国际", TraditionalToSimplified.convert("𠮷野家國際"));
    }

    @Test
    void nullAndEmpty() {
        assertNull(TraditionalToSimplified.convert(null));
        assertEquals("", TraditionalToSimplified.convert(""));
    }

    @Test
    void conversionIsIdempotent() {
        String once = TraditionalToSimplified.convert("國際銀行集團會計師事務所證券保險");
        assertEquals(once, TraditionalToSimplified.convert(once));
    }

    @Test
    void tableIsWellFormed() throws IOException {
        Map<Integer, Integer> pairs = new HashMap<>();
        try (InputStream in = TraditionalToSimplified.class.getResourceAsStream(TraditionalToSimplified.RESOURCE)) {
            assertNotNull(in, "resource on the classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int[] cps = line.codePoints().toArray();
                assertEquals(3, cps.length, "\"T S\" on line: " + line);
                assertEquals(' ', cps[1], line);
                assertNotEquals(cps[0], cps[2], "identity mapping: " + line);
                assertNull(pairs.put(cps[0], cps[2]), "duplicate source: " + line);
            }
        }
        assertEquals(pairs.size(), TraditionalToSimplified.size());
        assertTrue(pairs.size() >= 2_000, "covers far more than the 500 most common characters");
        for (Integer target : pairs.values()) {
            assertFalse(pairs.containsKey(target), "chained mapping through " + Character.toString(target));
        }
    }
}
