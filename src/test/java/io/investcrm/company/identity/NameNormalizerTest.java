package io.investcrm.company.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NameNormalizerTest {

    private final NameNormalizer normalizer = NameNormalizer.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        腾讯科技(深圳)有限公司                        | 腾讯科技深圳              | 腾讯科技
        腾讯科技（深圳）有限公司                      | 腾讯科技深圳              | 腾讯科技
        騰訊科技（深圳）有限公司                      | 腾讯科技深圳              | 腾讯科技
        腾讯科技【深圳】有限公司                      | 腾讯科技深圳              | 腾讯科技
        腾讯科技(深圳市)有限公司                      | 腾讯科技深圳              | 腾讯科技
        深圳市腾讯计算机系统有限公司                  | 深圳腾讯计算机系统        | 腾讯计算机系统
        深圳腾讯计算机系统有限公司                    | 深圳腾讯计算机系统        | 腾讯计算机系统
        广东省深圳市大疆创新科技有限公司              | 广东深圳大疆创新科技      | 大疆创新科技
        华为技术有限公司                              | 华为技术                  | 华为技术
        华为投资控股有限公司                          | 华为投资控股              | 华为投资
        比亚迪股份有限公司                            | 比亚迪                    | 比亚迪
        小米科技有限责任公司                          | 小米科技                  | 小米科技
        招商银行股份有限公司                          | 招商银行                  | 招商银行
        招商銀行股份有限公司                          | 招商银行                  | 招商银行
        中国平安保险(集团)股份有限公司                | 中国平安保险集团          | 平安保险
        中国平安人寿保险股份有限公司                  | 中国平安人寿保险          | 平安人寿保险
        上海汽车集团股份有限公司                      | 上海汽车集团              | 上海汽车
        阿里巴巴(中国)网络技术有限公司                | 阿里巴巴中国网络技术      | 阿里巴巴网络技术
        微软(中国)有限公司                            | 微软中国                  | 微软
        汇丰银行(中国)有限公司                        | 汇丰银行中国              | 汇丰银行
        香港上海滙豐銀行有限公司                      | 香港上海汇丰银行          | 汇丰银行
        TCL科技集团股份有限公司                       | tcl科技集团               | tcl科技
        深圳市前海某某投资合伙企业(有限合伙)          | 深圳前海某某投资          | 前海某某投资
        普华永道中天会计师事务所(特殊普通合伙)        | 普华永道中天会计师事务所  | 普华永道中天会计师事务所
        某某国有资产经营总公司                        | 某某国有资产经营          | 某某国有资产经营
        """)
    void chineseNames(String name, String normalized, String core) {
        NameKeys keys = normalizer.keys(name);
        assertEquals(normalized, keys.normalized(), "normalized");
        assertEquals(core, keys.core(), "core");
        assertFalse(keys.isBranch());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        北京银行股份有限公司          | 北京银行
        中国银行股份有限公司          | 中国银行
        中国人寿保险股份有限公司      | 人寿保险
        前海人寿保险股份有限公司      | 前海人寿保险
        光明乳业股份有限公司          | 光明乳业
        深圳市地铁集团有限公司        | 深圳地铁
        深圳市南山区某某科技有限公司  | 某某科技
        南山区某某科技有限公司        | 某某科技
        """)
    void placeNamesThatArePartOfTheTradeNameStayInTheCore(String name, String core) {
        assertEquals(core, normalizer.core(name));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        中国平安人寿保险股份有限公司深圳分公司               | 中国平安人寿保险深圳分公司             | 平安人寿保险   | 深圳分公司
        招商银行股份有限公司深圳分行                         | 招商银行深圳分行                       | 招商银行       | 深圳分行
        招商银行科技园支行                                   | 招商银行科技园支行                     | 招商银行       | 科技园支行
        汇丰银行(中国)有限公司深圳分行                       | 汇丰银行中国深圳分行                   | 汇丰银行       | 深圳分行
        国信证券股份有限公司深圳福田营业部                   | 国信证券深圳福田营业部                 | 国信证券       | 深圳福田营业部
        国信证券深圳红岭中路营业部                           | 国信证券深圳红岭中路营业部             | 国信证券       | 深圳红岭中路营业部
        普华永道中天会计师事务所(特殊普通合伙)深圳分所       | 普华永道中天会计师事务所深圳分所       | 普华永道中天会计师事务所 | 深圳分所
        某某科技深圳分公司                                   | 某某科技深圳分公司                     | 某某科技       | 深圳分公司
        某某科技园区分公司                                   | 某某科技园区分公司                     | 某某科技园区   | 分公司
        HSBC Bank (China) Company Limited Shenzhen Branch    | hsbcbankchinashenzhenbranch            | hsbcbank       | shenzhenbranch
        Citibank, N.A. Hong Kong Branch                      | citibankhongkongbranch                 | citibank       | hongkongbranch
        Bank of China Hong Kong Branch                       | bankofchinahongkongbranch              | bankofchina    | hongkongbranch
        Deutsche Bank AG Hong Kong Branch                    | deutschebankhongkongbranch             | deutschebank   | hongkongbranch
        Microsoft (China) Co., Ltd. Shenzhen Representative Office | microsoftchinashenzhenrepresentativeoffice | microsoft | shenzhenrepresentativeoffice
        """)
    void branchesKeepTheirBranchWordsInTheNormalizedKeyOnly(String name, String normalized, String core, String branch) {
        NameKeys keys = normalizer.keys(name);
        assertEquals(normalized, keys.normalized(), "normalized");
        assertEquals(core, keys.core(), "core");
        assertEquals(branch, keys.branch(), "branch");
        assertTrue(keys.isBranch());
    }

    @Test
    void aBranchSharesItsCoreWithTheHeadOfficeButNotItsNormalizedKey() {
        NameKeys head = normalizer.keys("中国平安人寿保险股份有限公司");
        NameKeys branch = normalizer.keys("中国平安人寿保险股份有限公司深圳分公司");
        assertEquals(head.core(), branch.core());
        assertNotEquals(head.normalized(), branch.normalized());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Tencent Technology (Shenzhen) Co., Ltd.              | tencenttechnologyshenzhen    | tencenttechnology
        Tencent Holdings Limited                             | tencentholdings              | tencent
        Apple Inc.                                           | apple                        | apple
        Bloomberg Finance L.P.                               | bloombergfinance             | bloombergfinance
        The Hongkong and Shanghai Banking Corporation Limited | hongkongandshanghaibanking  | hongkongandshanghaibanking
        HSBC Bank (China) Company Limited                    | hsbcbankchina                | hsbcbank
        Bank of China (Hong Kong) Limited                    | bankofchinahongkong          | bankofchina
        Bank of China Limited                                | bankofchina                  | bankofchina
        Air China Limited                                    | airchina                     | airchina
        China Merchants Bank Co., Ltd.                       | chinamerchantsbank           | merchantsbank
        Shenzhen Airlines Co., Ltd.                          | shenzhenairlines             | shenzhenairlines
        Prudential Hong Kong Limited                         | prudentialhongkong           | prudential
        Jardine Matheson & Co., Ltd.                         | jardinematheson              | jardinematheson
        Johnson & Johnson                                    | johnsonandjohnson            | johnsonandjohnson
        Société Générale S.A.                                | societegenerale              | societegenerale
        McDonald's Corporation                               | mcdonalds                    | mcdonalds
        Siemens Aktiengesellschaft GmbH                      | siemensaktiengesellschaft    | siemensaktiengesellschaft
        SAP SE                                               | sap                          | sap
        Shenzhen XX Technology Co.Ltd                        | shenzhenxxtechnology         | xxtechnology
        J.P. Morgan Securities LLC                           | jpmorgansecurities           | jpmorgansecurities
        Infosys Private Limited                              | infosys                      | infosys
        Petronas Sdn. Bhd.                                   | petronas                     | petronas
        Pacific Century Group Holdings Ltd                   | pacificcenturygroupholdings  | pacificcentury
        Li & Fung (Trading) Limited                          | liandfungtrading             | liandfungtrading
        Standard Chartered Bank (Hong Kong) Limited          | standardcharteredbankhongkong | standardcharteredbank
        ABC Limited Liability Company                        | abc                          | abc
        """)
    void englishNames(String name, String normalized, String core) {
        NameKeys keys = normalizer.keys(name);
        assertEquals(normalized, keys.normalized(), "normalized");
        assertEquals(core, keys.core(), "core");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        Hong Kong Telecom              | Hongkong Telecom
        HSBC Bank (China) Co., Ltd.    | HSBC BANK (CHINA) COMPANY LIMITED
        ＡＢＣ　Ｌｉｍｉｔｅｄ         | abc ltd
        L.L.C. Partners LLC            | LLC Partners L.L.C.
        Nestlé S.A.                    | Nestle SA
        深圳市大疆创新科技有限公司     | 深圳大疆创新科技有限公司
        腾讯科技（深圳）有限公司       | 騰訊科技(深圳)有限公司
        比亚迪股份有限公司             | 比亚迪有限公司
        招商银行                       | 招商銀行股份有限公司
        """)
    void spellingVariantsShareTheNormalizedKey(String a, String b) {
        assertEquals(normalizer.normalized(a), normalizer.normalized(b));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        腾讯科技(深圳)有限公司             | 腾讯科技(北京)有限公司
        中国平安人寿保险股份有限公司       | 中国平安人寿保险股份有限公司深圳分公司
        华为技术有限公司                   | 华为技术有限公司北京分公司
        Tencent Holdings Limited           | Tencent Limited
        Microsoft (China) Co., Ltd.        | Microsoft Corporation
        """)
    void relatedButDistinctEntitiesDifferInTheNormalizedKeyAndShareTheCore(String a, String b) {
        assertNotEquals(normalizer.normalized(a), normalizer.normalized(b));
        assertEquals(normalizer.core(a), normalizer.core(b));
    }

    @ParameterizedTest
    @ValueSource(strings = {"有限公司", "Limited", "Company", "集团", "深圳市", "Hong Kong", "China Limited"})
    void aNameThatIsOnlyStrippableWordsIsNotEmptied(String name) {
        NameKeys keys = normalizer.keys(name);
        assertFalse(keys.isEmpty(), name);
        assertFalse(keys.core().isEmpty(), name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "()", "（）", "...", "-—·"})
    void nothingToMatchGivesEmptyKeys(String name) {
        assertSame(NameKeys.EMPTY, normalizer.keys(name));
        assertEquals("", normalizer.fold(name));
        assertEquals(List.of(), normalizer.tokens(name));
    }

    @Test
    void foldStripsNothingButPunctuationAndWhitespace() {
        assertEquals("腾讯科技深圳有限公司", normalizer.fold("騰訊科技（深圳）有限公司"));
        assertEquals("hsbcbankchinacompanylimited", normalizer.fold("HSBC Bank (China) Company Limited"));
        assertEquals("tcl科技集团", normalizer.fold("ＴＣＬ科技集团"));
    }

    @Test
    void tokensAreTheWordsOfTheNormalizedName() {
        assertEquals(List.of("hsbc", "bank", "china"), normalizer.tokens("HSBC Bank (China) Company Limited"));
        assertEquals(List.of("jardine", "matheson"), normalizer.tokens("Jardine Matheson & Co."));
        assertEquals(List.of("腾讯科技", "深圳"), normalizer.tokens("腾讯科技(深圳)有限公司"));
    }

    @Test
    void unbalancedBracketsAreRead() {
        assertEquals("腾讯科技深圳", normalizer.normalized("腾讯科技(深圳有限公司"));
        assertEquals("腾讯科技深圳", normalizer.normalized("腾讯科技深圳)有限公司"));
    }

    @Test
    void keysAreStableUnderRenormalization() {
        for (String name : new String[] {"腾讯科技(深圳)有限公司", "深圳市腾讯计算机系统有限公司", "HSBC Bank (China) Company Limited",
            "中国平安保险(集团)股份有限公司", "Tencent Holdings Limited"}) {
            NameKeys keys = normalizer.keys(name);
            assertEquals(keys.normalized(), normalizer.normalized(keys.normalized()), name);
            assertEquals(keys.core(), normalizer.core(keys.core()), name);
        }
    }

    @Test
    void aCustomTraditionalToSimplifiedConverterIsUsed() {
        NameNormalizer identity = new NameNormalizer(s -> s);
        assertEquals("騰訊科技深圳", identity.normalized("騰訊科技（深圳）有限公司"));
        assertThrows(NullPointerException.class, () -> new NameNormalizer(null));
    }

    @Test
    void arbitraryTextNeverBreaksTheInvariants() {
        String[] pieces = {"深圳市", "腾讯", "科技", "有限公司", "分公司", "(", ")", "（", "）", "【", "】", "集团", "控股", "中国",
            "香港", "南山区", "Limited", "Co.", "Ltd", "&", "Hong Kong", "Branch", "The", " ", "  ", "-", ".", "'", "·",
            "銀行", "𠮷", "é", "Ａ", "\u3000", "L.L.C.", "and", "of", "China", "x", "1"};
        Random random = new Random(32100);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(8); i >= 0; i--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String name = sb.toString();
            NameKeys keys = normalizer.keys(name);
            assertFalse(keys.normalized().chars().anyMatch(Character::isWhitespace), name);
            assertFalse(keys.core().chars().anyMatch(Character::isWhitespace), name);
            assertEquals(keys.normalized().isEmpty(), keys.core().isEmpty(), name);
            assertTrue(keys.normalized().endsWith(keys.branch()), name);
            assertEquals(keys.isEmpty(), normalizer.tokens(name).isEmpty(), name);
            assertEquals(keys.normalized(), String.join("", normalizer.tokens(name)), name);
            assertTrue(normalizer.fold(name).length() >= keys.normalized().length() - keys.branch().length(), name);
        }
    }

    @Test
    void nameKeysRejectNulls() {
        assertThrows(NullPointerException.class, () -> new NameKeys(null, "", ""));
        assertThrows(NullPointerException.class, () -> new NameKeys("", null, ""));
        assertThrows(NullPointerException.class, () -> new NameKeys("", "", null));
    }
}
