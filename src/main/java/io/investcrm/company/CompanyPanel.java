package io.investcrm.company;

import java.util.Locale;

/**
 * A section another feature adds to the company detail page (matching's matches, for one), so the page needs no
 * knowledge of it. Called after the reader has been checked to see the company, with what the page already read.
 */
public interface CompanyPanel {

    /** Where the panel goes among the others (lower first). */
    int order();

    /** The panel's HTML, rendered by the feature's own template (which escapes what it shows). */
    String html(CompanyDetail detail, Locale locale);
}
