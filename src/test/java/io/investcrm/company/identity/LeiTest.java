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

class LeiTest {

    private static final String[] REAL = {
        "5493001KJTIIGC8Y1R12", // Bloomberg Finance L.P.
        "HWUPKR0MPOU8FGXBT394", // Apple Inc.
        "7LTWFZYICNSX8D621K86", // Deutsche Bank AG
        "MLU0ZO3ML4LN2LL2TL39", // HSBC Holdings plc
        "8I5DZWZKVSZI1NUHU748", // JPMorgan Chase & Co.
    };

    @ParameterizedTest
    @CsvSource({
        "5493001KJTIIGC8Y1R12, 12",
        "HWUPKR0MPOU8FGXBT394, 94",
        "7LTWFZYICNSX8D621K86, 86",
        "MLU0ZO3ML4LN2LL2TL39, 39",
        "8I5DZWZKVSZI1NUHU748, 48"})
    void realLeisAreValidAndTheirCheckDigitsRecompute(String lei, String checkDigits) {
        assertTrue(Lei.isValid(lei));
        assertEquals(Optional.empty(), Lei.validationError(lei));
        assertEquals(checkDigits, Lei.checkDigits(lei.substring(0, 18)));
        assertEquals(1, referenceMod97(lei));
    }

    @Test
    void computedLeisAreValidAndAgreeWithBigIntegerArithmetic() {
        Random random = new Random(17442);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int n = 0; n < 2_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 18; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String lei = sb + Lei.checkDigits(sb.toString());
            assertTrue(Lei.isValid(lei), lei);
            assertEquals(1, referenceMod97(lei), lei);
        }
    }

    @Test
    void singleCheckDigitIsPaddedWithZero() {
        // search a prefix whose check value is below 10, then verify it formats as two digits
        Random random = new Random(7);
        for (int n = 0; n < 10_000; n++) {
            String prefix = String.format("%018d", Math.abs(random.nextLong()) % 1_000_000_000_000_000_000L);
            String check = Lei.checkDigits(prefix);
            assertEquals(2, check.length());
            if (check.charAt(0) == '0') {
                assertTrue(Lei.isValid(prefix + check));
                return;
            }
        }
        throw new AssertionError("no prefix with a one-digit check value found");
    }

    @Test
    void everyDigitForDigitAndLetterForLetterSubstitutionIsRejected() {
        // MOD 97-10 guarantees detection of these; letter↔digit swaps change the length of the expansion
        for (String lei : REAL) {
            for (int i = 0; i < 20; i++) {
                char original = lei.charAt(i);
                String same = Character.isDigit(original) ? "0123456789" : "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
                for (char c : same.toCharArray()) {
                    if (c != original) {
                        String flipped = lei.substring(0, i) + c + lei.substring(i + 1);
                        assertEquals(Optional.of(Lei.CHECKSUM), Lei.validationError(flipped), flipped);
                    }
                }
            }
        }
    }

    @Test
    void adjacentTranspositionsOfDigitsAreRejected() {
        for (String lei : REAL) {
            for (int i = 0; i < 19; i++) {
                char a = lei.charAt(i);
                char b = lei.charAt(i + 1);
                if (a != b && Character.isDigit(a) && Character.isDigit(b)) {
                    String swapped = lei.substring(0, i) + b + a + lei.substring(i + 2);
                    assertFalse(Lei.isValid(swapped), swapped);
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "' hwupkr0mpou8fgxbt394 ', HWUPKR0MPOU8FGXBT394",
        "'5493 001K JTII GC8Y 1R12', 5493001KJTIIGC8Y1R12",
        "ＨＷＵＰＫＲ０ＭＰＯＵ８ＦＧＸＢＴ３９４, HWUPKR0MPOU8FGXBT394"})
    void normalizeTrimsFoldsWidthAndCase(String raw, String expected) {
        assertEquals(expected, Lei.normalize(raw));
        assertTrue(Lei.isValid(raw));
    }

    @Test
    void normalizeKeepsNull() {
        assertNull(Lei.normalize(null));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void blankIsReported(String raw) {
        assertEquals(Optional.of(Lei.BLANK), Lei.validationError(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HWUPKR0MPOU8FGXBT39", "HWUPKR0MPOU8FGXBT3940", "5493"})
    void wrongLengthIsReported(String raw) {
        assertEquals(Optional.of(Lei.LENGTH), Lei.validationError(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HWUPKR0MPOU8FGXBT3A4", "HWUPKR0MPOU8FGXBT39X", "HWUPKR0MPOU8-GXBT394", "HWUPKR0MPOU8中GXBT394"})
    void charactersOutsideTheAlphabetAreReported(String raw) {
        assertEquals(Optional.of(Lei.CHARSET), Lei.validationError(raw));
    }

    @Test
    void messageKeysAreStable() {
        assertEquals("company.lei.blank", Lei.BLANK);
        assertEquals("company.lei.length", Lei.LENGTH);
        assertEquals("company.lei.charset", Lei.CHARSET);
        assertEquals("company.lei.checksum", Lei.CHECKSUM);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"HWUPKR0MPOU8FGXBT", "HWUPKR0MPOU8FGXBT39", "hwupkr0mpou8fgxbt3", "HWUPKR0MPOU8FGXB-3"})
    void checkDigitsRejectsBadInput(String first18) {
        assertThrows(IllegalArgumentException.class, () -> Lei.checkDigits(first18));
    }

    /** ISO 7064 MOD 97-10 the long way: expand letters to two digits, reduce the whole number. */
    private static int referenceMod97(String lei) {
        StringBuilder digits = new StringBuilder();
        for (char c : lei.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    }
}
