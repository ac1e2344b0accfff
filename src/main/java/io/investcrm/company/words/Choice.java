package io.investcrm.company.words;

/** One value of a coded field: its code and the labels people read, Chinese and English. */
public record Choice(String code, String zh, String en) {

    /** How a candidate is named in a message: {@code 集成电路设计 / IC design (sci-tech.semiconductor.ic-design)}. */
    public String described() {
        return zh + (en == null || en.equals(zh) ? "" : " / " + en) + " (" + code + ")";
    }

    public String label(java.util.Locale locale) {
        return en != null && locale != null && "en".equals(locale.getLanguage()) ? en : zh;
    }
}
