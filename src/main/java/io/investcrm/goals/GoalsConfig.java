package io.investcrm.goals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Counting settings (issue 10). The plan says only "未来5年" (专栏9) and "未来" (专栏10): the window's start and end are
 * the office's decision, so there is no default year here. Unset, rankings of any year and landings of any day count
 * (the progress page says so).
 */
@ConfigMapping(prefix = "investcrm.goals")
public interface GoalsConfig {

    /** First day a landing counts; rankings count from this year. */
    Optional<LocalDate> windowStart();

    /** Last day a landing counts; rankings count up to this year. */
    Optional<LocalDate> windowEnd();

    /** Forecast deadline per plan target code; else the target's own year (31 Dec), else the window's end. */
    Map<String, LocalDate> deadline();

    /**
     * Further professional-service fields (industry codes) per plan target code: the plan ends 专栏9's list with 等,
     * so the office may add fields without a code change.
     */
    Map<String, List<String>> extraFields();

    /**
     * The CJK TrueType font the PDFs embed (the weekly report here, the offer letter too: the Chinese must render
     * anywhere); default Debian's fonts-droid-fallback.
     */
    @io.smallrye.config.WithDefault(io.investcrm.web.CjkPdf.DEFAULT_FONT)
    String reportFont();
}
