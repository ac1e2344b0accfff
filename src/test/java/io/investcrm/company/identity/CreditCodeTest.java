package io.investcrm.company.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    /** Codes published by the companies themselves (business licences, annual reports, EV certificates). */
    private static final String[] PUBLISHED = {
        "9144030010001686XA", // 招商银行股份有限公司
        "914403001922038216", // 华为技术有限公司
        "9144030071526726XG", // 腾讯科技（深圳）有限公司
        "91440300708461136T", // 深圳市腾讯计算机系统有限公司
        "91440300192317458F", // 比亚迪股份有限公司
        "91330100716105852F", // 阿里巴巴（中国）网络技术有限公司
        "91110108551385082Q", // 小米科技有限责任公司
    };

    @ParameterizedTest
    @ValueSource(strings = {
        "9144030010001686XA", "914403001922038216", "9144030071526726XG", "91440300708461136T",
        "91440300192317458F", "91330100716105852F", "91110108551385082Q",
        // checksum-valid example from the brief; its owner is not asserted here
        "91110000100006485K"})
    void publishedCodesAreValid(String code) {
        assertTrue(CreditCode.isValid(code));
        assertEquals(Optional.empty(), CreditCode.validationError(code));
        assertEquals(code.charAt(17), referenceCheckCharacter(code.substring(0, 17)));
    }

    @Test
    void checkCharacterWorkedByHandForChinaMerchantsBank() {
        // 9 1 4 4 0 3 0 0 1 0 0 0 1 6 8 6 X(=29) · weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
        // = 9+3+36+108+0+78+0+0+20+0+0+0+8+144+80+180+812 = 1478; 1478 mod 31 = 21; 31-21 = 10 → 'A'
        assertEquals('A', CreditCode.checkCharacter("9144030010001686X"));
    }

    @Test
    void checkCharacterIsZeroWhenTheSumIsAMultipleOf31() {
        // 3·1 + 1·28 = 31, and (31 - 0) mod 31 = 0 rather than an out-of-range 31
        assertEquals('0', CreditCode.checkCharacter("3" + "0".repeat(15) + "1"));
        assertEquals('0', CreditCode.checkCharacter("0".repeat(17)));
        // 1·28 = 28 → 31 - 28 = 3
        assertEquals('3', CreditCode.checkCharacter("0".repeat(16) + "1"));
    }

    @Test
    void computedCodesAreValidAndAgreeWithAnIndependentReference() {
        Random random = new Random(20240601);
        for (int n = 0; n < 2_000; n++) {
            String first17 = randomFirst17(random);
            char check = CreditCode.checkCharacter(first17);
            assertEquals(referenceCheckCharacter(first17), check, first17);
            assertTrue(CreditCode.isValid(first17 + check), first17 + check);
        }
    }

    @Test
    void everySingleCharacterSubstitutionIsRejected() {
        for (String code : PUBLISHED) {
            for (int i = 0; i < 18; i++) {
                for (char c : CreditCode.ALPHABET.toCharArray()) {
                    if (c == code.charAt(i)) {
                        continue;
                    }
                    String flipped = code.substring(0, i) + c + code.substring(i + 1);
                    String expected = i >= 2 && i < 8 && c > '9' ? CreditCode.CHARSET : CreditCode.CHECKSUM;
                    assertEquals(Optional.of(expected), CreditCode.validationError(flipped), flipped);
                }
            }
        }
    }

    @Test
    void everyAdjacentTranspositionIsRejected() {
        for (String code : PUBLISHED) {
            for (int i = 0; i < 17; i++) {
                if (code.charAt(i) == code.charAt(i + 1)) {
                    continue;
                }
                char[] chars = code.toCharArray();
                chars[i] = code.charAt(i + 1);
                chars[i + 1] = code.charAt(i);
                assertFalse(CreditCode.isValid(new String(chars)), new String(chars));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "' 9144030010001686xa ', 9144030010001686XA",
        "９１４４０３００１０００１６８６ＸＡ, 9144030010001686XA",
        "'9144 0300 1000 1686 XA', 9144030010001686XA",
        "'\u30009144030010001686XA\u3000', 9144030010001686XA",
        "'\t9144030010001686Xa\n', 9144030010001686XA"})
    void normalizeTrimsFoldsWidthAndCase(String raw, String expected) {
        assertEquals(expected, CreditCode.normalize(raw));
        assertTrue(CreditCode.isValid(raw));
    }

    @Test
    void normalizeKeepsNull() {
        assertNull(CreditCode.normalize(null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000"})
    void blankIsReported(String raw) {
        assertEquals(Optional.of(CreditCode.BLANK), CreditCode.validationError(raw));
        assertFalse(CreditCode.isValid(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9144030010001686X", "9144030010001686XA0", "91440300", "9"})
    void wrongLengthIsReported(String raw) {
        assertEquals(Optional.of(CreditCode.LENGTH), CreditCode.validationError(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "9144030010001686XI", "9144030010001686XO", "9144030010001686XS", "9144030010001686XV",
        "9144030010001686XZ", "91440300100016-6XA", "914403001000168中XA", "9144030010001686X!"})
    void charactersOutsideTheAlphabetAreReported(String raw) {
        assertEquals(Optional.of(CreditCode.CHARSET), CreditCode.validationError(raw));
    }

    @Test
    void lettersInTheDivisionCodeAreInvalidCharacters() {
        String first17 = "9144A30010001686X";
        String code = first17 + CreditCode.checkCharacter(first17);
        assertEquals(Optional.of(CreditCode.CHARSET), CreditCode.validationError(code));
    }

    @Test
    void pilotRegionCodesThatBreakTheChecksumAreReportedAsSuch() {
        // issued in Fujian before the national standard was final; legal, but not GB 32100 conformant
        assertEquals(Optional.of(CreditCode.CHECKSUM), CreditCode.validationError("91350100M0001TGQXM"));
    }

    @Test
    void messageKeysAreStable() {
        assertEquals("company.credit-code.blank", CreditCode.BLANK);
        assertEquals("company.credit-code.length", CreditCode.LENGTH);
        assertEquals("company.credit-code.charset", CreditCode.CHARSET);
        assertEquals("company.credit-code.checksum", CreditCode.CHECKSUM);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"9144030010001686", "9144030010001686XA", "914403001000168IX"})
    void checkCharacterRejectsBadInput(String first17) {
        assertThrows(IllegalArgumentException.class, () -> CreditCode.checkCharacter(first17));
    }

    /** GB 32100-2015 from first principles: weight 3^i mod 31, check value (31 - sum mod 31) mod 31. */
    private static char referenceCheckCharacter(String first17) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        BigInteger three = BigInteger.valueOf(3);
        BigInteger thirtyOne = BigInteger.valueOf(31);
        long sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (long) alphabet.indexOf(first17.charAt(i)) * three.modPow(BigInteger.valueOf(i), thirtyOne).longValue();
        }
        return alphabet.charAt((int) ((31 - sum % 31) % 31));
    }

    private static String randomFirst17(Random random) {
        String alphabet = CreditCode.ALPHABET;
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 17; i++) {
            sb.append(i >= 2 && i < 8 ? (char) ('0' + random.nextInt(10)) : alphabet.charAt(random.nextInt(31)));
        }
        return sb.toString();
    }
}
