package io.investcrm.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV/XLSX export cells never run (issue 13, #8): the payloads that passed the old rule, and values that stay as they are. */
class FormulaGuardTest {

    @ParameterizedTest
    @ValueSource(strings = { "-1+cmd|' /C calc'!A0", "+1+HYPERLINK(\"http://evil.example\",\"x\")", "=1+1", "@SUM(A1)",
        "-2-cmd|'/C notepad'!'A1'", "+-1", "\t=1+1", "\r=1+1", " =HYPERLINK(\"x\")", "\u3000=1", "＝1+1", "＋1+1",
        "－1+cmd|x", "＠SUM(A1)", "-1.5e3+cmd|x", "+86 138 0000 0000=cmd", "-", "+" })
    void formulasAndTheirLookalikesAreQuoted(String payload) {
        String cell = FormulaGuard.cell(payload);
        assertTrue(cell.startsWith("'"), payload + " → " + cell);
        assertEquals(payload, cell.substring(1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "华为技术有限公司", "Huawei", "-12", "+12", "-12.5", "0", "2024", "A-1", "a=b", "91440300MA5FXXXX1X" })
    void plainTextAndNumbersStayAsTheyAre(String value) {
        assertEquals(value, FormulaGuard.cell(value));
    }

    @org.junit.jupiter.api.Test
    void nullIsAnEmptyCell() {
        assertEquals("", FormulaGuard.cell(null));
    }
}
