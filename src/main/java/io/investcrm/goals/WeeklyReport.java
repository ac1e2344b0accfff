package io.investcrm.goals;

import java.time.LocalDate;
import java.util.List;

/**
 * 项目周报 (issue 10): what happened in one ISO week — new prospects, stage moves, visits and contacts, offers decided,
 * landings — and the goal progress at its end, as labelled lines in the reader's language.
 */
public record WeeklyReport(String title, String week, LocalDate from, LocalDate to, List<Section> sections) {

    public record Section(String heading, List<Line> lines) {
    }

    /** One line: a label and its value (a count, a firm, a progress figure). */
    public record Line(String label, String value) {
    }
}
