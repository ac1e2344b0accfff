package io.investcrm.security.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest
    @CsvSource({
        "13812345678, 138****5678",
        "' 138 1234 5678 ', 138****5678",
        "138-1234-5678, 138****5678",
        "+8613812345678, +86 138****5678",
        "+86 138 1234 5678, +86 138****5678",
        "008613812345678, +86 138****5678",
        "8613812345678, +86 138****5678",
        "+852 9123 4567, +852 ****4567",
        "+853 6612 3456, +853 ****3456",
        "+886 912 345 678, +886 *****5678",
        "91234567, ****4567",
        "0755-12345678, 075*****5678",
        "+1 415 555 2671, +141****2671",
        "1234567, ***4567",
        "123456, ****56",
        "12345, ***45",
        "1234, ****",
        "12, **",
        "x1, *"})
    void phones(String phone, String masked) {
        assertEquals(masked, Masking.maskPhone(phone));
    }

    @Test
    void phoneWithoutDigitsIsMaskedWhole() {
        assertEquals("***", Masking.maskPhone("n/a"));
    }

    @ParameterizedTest
    @CsvSource({
        "zhang.san@example.com, z***@example.com",
        "' Zhang.San@Example.com ', Z***@Example.com",
        "a@b.cn, a***@b.cn",
        "张三@example.cn, 张***@example.cn",
        "@example.com, ***@example.com",
        "\"a@b\"@example.com, \"***@example.com",
        "no-at-sign, n***",
        "𠮷@example.com, 𠮷***@example.com"})
    void emails(String email, String masked) {
        assertEquals(masked, Masking.maskEmail(email));
    }

    @ParameterizedTest
    @CsvSource({
        "张三丰, 张**",
        "张三, 张*",
        "张, *",
        "欧阳娜娜, 欧***",
        "Zhang Sanfeng, Z**** S******",
        "'  Zhang   Sanfeng ', Z**** S******",
        "Madonna, M******",
        "Li, L*",
        "Mary-Jane Watson, M***-**** W*****",
        "O'Brien, O'*****",
        "阿卜杜拉·艾山, 阿***·**",
        "J. Smith, *. S****",
        "A B, * *",
        "张 三, 张 *",
        "张三 Tom, 张* ***",
        "𠮷田, 𠮷*"})
    void names(String name, String masked) {
        assertEquals(masked, Masking.maskName(name));
    }

    @ParameterizedTest
    @CsvSource({
        "wxid_abc123, wx*******23",
        "zhangsan, zh****an",
        "abcdef, ab**ef",
        "abcde, a****",
        "abc, a**",
        "ab, **",
        "a, *",
        "13812345678, 138****5678",
        "+86 138 1234 5678, +86 138****5678"})
    void weChatIds(String id, String masked) {
        assertEquals(masked, Masking.maskWeChat(id));
    }

    @Test
    void arbitraryTextIsMaskedWithoutErrorsAndNeverShownWhole() {
        String pool = "0123456789+- ()@.abcXYZ张三丰𠮷·'";
        int[] cps = pool.codePoints().toArray();
        java.util.Random random = new Random(4);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(16); i >= 0; i--) {
                sb.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            String s = sb.toString();
            for (String masked : new String[] {Masking.maskPhone(s), Masking.maskEmail(s), Masking.maskName(s), Masking.maskWeChat(s)}) {
                assertNotNull(masked, s);
                if (!s.isBlank() && s.strip().codePoints().filter(Character::isLetterOrDigit).count() > 1) {
                    assertNotEquals(s.strip(), masked, s);
                }
            }
        }
    }

    @Test
    void nullAndBlankPassThrough() {
        assertNull(Masking.maskPhone(null));
        assertNull(Masking.maskEmail(null));
        assertNull(Masking.maskName(null));
        assertNull(Masking.maskWeChat(null));
        assertEquals("", Masking.maskPhone(""));
        assertEquals(" ", Masking.maskEmail(" "));
        assertEquals("", Masking.maskName(""));
        assertEquals("  ", Masking.maskWeChat("  "));
    }
}
