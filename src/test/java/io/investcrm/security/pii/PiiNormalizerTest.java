package io.investcrm.security.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiNormalizerTest {

    @ParameterizedTest
    @CsvSource({
        "' Zhang.San@Example.COM ', zhang.san@example.com",
        "ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ, zhang@example.com",
        "a@b.cn, a@b.cn"})
    void emails(String raw, String expected) {
        assertEquals(expected, PiiNormalizer.email(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void blankEmailIsNull(String raw) {
        assertNull(PiiNormalizer.email(raw));
    }

    @ParameterizedTest
    @CsvSource({
        "13812345678, +8613812345678",
        "'138 1234 5678', +8613812345678",
        "138-1234-5678, +8613812345678",
        "+86 138 1234 5678, +8613812345678",
        "+86-13812345678, +8613812345678",
        "008613812345678, +8613812345678",
        "8613812345678, +8613812345678",
        "１３８１２３４５６７８, +8613812345678",
        "0755-12345678, +8675512345678",
        "(0755) 1234 5678, +8675512345678",
        "010-12345678, +861012345678",
        "+852 9123 4567, +85291234567",
        "00852 9123 4567, +85291234567",
        "+1 (415) 555-2671, +14155552671",
        "91234567, 91234567",
        "12345, 12345"})
    void phones(String raw, String expected) {
        assertEquals(expected, PiiNormalizer.phone(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "n/a", "+"})
    void phoneWithoutDigitsIsNull(String raw) {
        assertNull(PiiNormalizer.phone(raw));
    }
}
