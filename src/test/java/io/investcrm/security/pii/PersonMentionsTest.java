package io.investcrm.security.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How an erased person may be written in a note, and what is left of the note (issue 13). */
class PersonMentionsTest {

    @Test
    void aChineseNameGoesWholeByGivenNameAndAsSurnameWithAFormOfAddress() {
        PersonMentions m = PersonMentions.of("王建华", null, null, null);
        assertEquals("与***会面；***说***下周来深圳，***也同意。", m.redact("与王建华会面；王总说建华下周来深圳，王经理也同意。"));
        assertEquals("王府井的王家豪", m.redact("王府井的王家豪"), "the surname alone or another person's name stays");
    }

    @Test
    void aCompoundSurnameKeepsItsTwoCharacters() {
        PersonMentions m = PersonMentions.of("欧阳娜娜", null, null, null);
        assertEquals("***和***以及***", m.redact("欧阳女士和娜娜以及欧阳娜娜"));
        assertEquals("阳光", m.redact("阳光"));
    }

    @Test
    void aLatinNameInEitherOrderAnyCaseAndWithATitle() {
        PersonMentions m = PersonMentions.of("Anna Chen", null, null, null);
        assertEquals("met *** and ***; *** agreed", m.redact("met anna  CHEN and Chen, Anna; Ms. Chen agreed"));
        assertEquals("Annapolis and Chennai", m.redact("Annapolis and Chennai"), "only whole words");
    }

    @Test
    void aPhoneNumberHoweverItIsWrittenButNotALongerNumber() {
        PersonMentions m = PersonMentions.of(null, "+86 139-1234-5678", null, null);
        assertEquals("手机 ***，又 +86 ***，座机 0755-8888", m.redact("手机 13912345678，又 +86 139 1234 5678，座机 0755-8888"));
        assertEquals("订单 2139123456789", m.redact("订单 2139123456789"));
    }

    @Test
    void eMailAndWeChatInAnyCase() {
        PersonMentions m = PersonMentions.of(null, null, "Nana.OuYang@Example.com", "nana_wx_2026");
        assertEquals("写信到 ***。加 *** 微信", m.redact("写信到 nana.ouyang@example.COM。加 NANA_WX_2026 微信"));
        assertFalse(m.mentionedIn("nana_wx_20261 is someone else"));
    }

    @Test
    void nothingToLookForLeavesTheTextAlone() {
        PersonMentions m = PersonMentions.of(null, "123", " ", null);
        assertEquals("王总 13912345678", m.redact("王总 13912345678"));
        assertNull(m.redact(null));
        assertTrue(PersonMentions.of("李雷", null, null, null).mentionedIn("李总来电"));
    }
}
