package io.investcrm.company.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HkCompanyNumberTest {

    @ParameterizedTest
    @CsvSource({
        "1234567, 1234567",
        "0012345, 0012345",
        "12345, 0012345",
        "1, 0000001",
        "' 0012345 ', 0012345",
        "１２３４５６７, 1234567",
        "'123 4567', 1234567",
        "CR No. 1234567, 1234567",
        "cr no.: 12345, 0012345",
        "CR No 0012345, 0012345",
        "No. 76543, 0076543",
        "12345678, 12345678",
        "01234567, 01234567",
        "BRN 76543210, 76543210",
        "F0012345, F0012345",
        "f12345, F0012345",
        "F1, F0000001"})
    void normalizesToTheCanonicalForm(String raw, String expected) {
        assertEquals(expected, HkCompanyNumber.normalize(raw));
        assertTrue(HkCompanyNumber.isValid(raw), raw);
        assertEquals(Optional.empty(), HkCompanyNumber.validationError(raw));
    }

    @Test
    void sevenAndEightDigitFormsStayDistinct() {
        // an 8-digit BRN that starts with 0 is not the 7-digit CR No. without it
        assertEquals("01234567", HkCompanyNumber.normalize("01234567"));
        assertEquals("1234567", HkCompanyNumber.normalize("1234567"));
    }

    @Test
    void normalizeIsIdempotent() {
        for (String raw : new String[] {"12345", "F12", "CR No. 1234567", "12345678", "abc"}) {
            String once = HkCompanyNumber.normalize(raw);
            assertEquals(once, HkCompanyNumber.normalize(once), raw);
        }
    }

    @Test
    void normalizeKeepsNullAndCompactsNonNumbers() {
        assertNull(HkCompanyNumber.normalize(null));
        assertEquals("ABC-123", HkCompanyNumber.normalize(" abc-123 "));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\u3000"})
    void blankIsReported(String raw) {
        assertEquals(Optional.of(HkCompanyNumber.BLANK), HkCompanyNumber.validationError(raw));
        assertFalse(HkCompanyNumber.isValid(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "12A4567", "0000000", "00000000", "F0000000", "F12345678", "-1234567",
        "1234567-000", "G1234567", "CR No.", "香港1234567"})
    void malformedNumbersAreReported(String raw) {
        assertEquals(Optional.of(HkCompanyNumber.INVALID), HkCompanyNumber.validationError(raw));
        assertFalse(HkCompanyNumber.isValid(raw));
    }

    @Test
    void messageKeysAreStable() {
        assertEquals("company.hk-company-no.blank", HkCompanyNumber.BLANK);
        assertEquals("company.hk-company-no.invalid", HkCompanyNumber.INVALID);
    }
}
