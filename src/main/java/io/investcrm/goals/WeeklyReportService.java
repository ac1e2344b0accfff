package io.investcrm.goals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.investcrm.goals.WeeklyReport.Line;
import io.investcrm.goals.WeeklyReport.Section;
import io.investcrm.core.DomainException;
import io.investcrm.web.CjkPdf;
import io.investcrm.web.Messages;

/** The weekly report (项目周报) for any ISO week, as data, XLSX (Apache POI) or PDF (Apache PDFBox, CJK font embedded). */
@ApplicationScoped
public class WeeklyReportService {

    @Inject
    EntityManager em;

    @Inject
    GoalsService goals;

    @Inject
    GoalsConfig config;

    /** "2026-W48" or any day of the week ("2026-11-25") → its Monday. */
    static LocalDate monday(String week) {
        try {
            if (week.matches("\\d{4}-W\\d{2}")) {
                int year = Integer.parseInt(week.substring(0, 4));
                int w = Integer.parseInt(week.substring(6));
                LocalDate d = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, w);
                return d.with(DayOfWeek.MONDAY);
            }
            return LocalDate.parse(week).with(DayOfWeek.MONDAY);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw io.investcrm.core.Invalid.request("goals.report.week.invalid", week);
        }
    }

    @Transactional
    public WeeklyReport report(String week, Locale locale) {
        LocalDate from = monday(week == null ? LocalDate.now().toString() : week);
        LocalDate to = from.plusDays(6);
        String label = from.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        List<Section> sections = new ArrayList<>();

        long created = count("SELECT COUNT(*) FROM prospect WHERE created_at >= ?1 AND created_at < ?2", from, to);
        sections.add(new Section(t(locale, "goals.report.new-prospects"), List.of(new Line(t(locale, "goals.report.count"), String.valueOf(created)))));

        sections.add(new Section(t(locale, "goals.report.stage-moves"), grouped("SELECT to_value, COUNT(*) FROM prospect_event "
                + "WHERE kind = 'STAGE' AND occurred_at >= ?1 AND occurred_at < ?2 GROUP BY to_value ORDER BY to_value", from, to,
                locale, "stage.")));
        sections.add(new Section(t(locale, "goals.report.activities"), grouped("SELECT kind, COUNT(*) FROM activity "
                + "WHERE occurred_at >= ?1 AND occurred_at < ?2 GROUP BY kind ORDER BY kind", from, to, locale, "activity.kind.")));
        sections.add(new Section(t(locale, "goals.report.offers"), grouped("SELECT decision, COUNT(*) FROM offer_approval "
                + "WHERE decided_at >= ?1 AND decided_at < ?2 GROUP BY decision ORDER BY decision", from, to, locale, "offer.decision.")));

        List<Line> landings = new ArrayList<>();
        for (Object row : bind(em.createNativeQuery("SELECT COALESCE(c.name_zh, c.name_en) FROM prospect p JOIN company c ON "
                + "c.id = p.company_id WHERE p.landing_verified_at >= ?1 AND p.landing_verified_at < ?2 ORDER BY "
                + "p.landing_verified_at"), from, to).getResultList()) {
            landings.add(new Line(t(locale, "goals.report.landed"), String.valueOf(row)));
        }
        if (landings.isEmpty()) {
            landings.add(new Line(t(locale, "goals.report.count"), "0"));
        }
        sections.add(new Section(t(locale, "goals.report.landings"), landings));

        List<Line> progress = new ArrayList<>();
        for (GoalViews.TargetProgress p : goals.progress(to, GoalPages.filter(null, null, null, null, null, null), locale).targets()) {
            progress.add(new Line(p.ref() + " " + p.title(), p.total() + (p.goal() == null ? "" : " / " + p.goal())
                    + " · " + t(locale, "goals.forecast.projected") + " " + p.forecast().projected()));
        }
        sections.add(new Section(t(locale, "goals.report.progress"), progress));
        return new WeeklyReport(Messages.format(locale, "goals.report.title", label, from, to), label, from, to, sections);
    }

    private String t(Locale locale, String key) {
        return Messages.format(locale, key);
    }

    private Query bind(Query q, LocalDate from, LocalDate to) {
        return q.setParameter(1, from.atStartOfDay()).setParameter(2, to.plusDays(1).atStartOfDay());
    }

    private long count(String sql, LocalDate from, LocalDate to) {
        return ((Number) bind(em.createNativeQuery(sql), from, to).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Line> grouped(String sql, LocalDate from, LocalDate to, Locale locale, String keyPrefix) {
        List<Line> lines = new ArrayList<>();
        for (Object[] r : (List<Object[]>) bind(em.createNativeQuery(sql), from, to).getResultList()) {
            String key = keyPrefix + r[0];
            lines.add(new Line(Messages.format(locale, key), String.valueOf(((Number) r[1]).longValue())));
        }
        if (lines.isEmpty()) {
            lines.add(new Line(t(locale, "goals.report.count"), "0"));
        }
        return lines;
    }

    /** The report as a download (format pdf or xlsx) or as JSON (any other format). */
    static jakarta.ws.rs.core.Response download(WeeklyReportService reports, String week, String format, Locale locale) {
        WeeklyReport r = reports.report(week, locale);
        String name = "weekly-report-" + r.week();
        if ("pdf".equals(format)) {
            return jakarta.ws.rs.core.Response.ok(reports.pdf(r)).type("application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"").build();
        }
        if ("xlsx".equals(format)) {
            return jakarta.ws.rs.core.Response.ok(reports.xlsx(r))
                    .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"").build();
        }
        return jakarta.ws.rs.core.Response.ok(r).type("application/json").build();
    }

    public byte[] xlsx(WeeklyReport report) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(report.week());
            XSSFCellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            int n = 0;
            Row title = sheet.createRow(n++);
            title.createCell(0).setCellValue(report.title());
            title.getCell(0).setCellStyle(bold);
            for (Section s : report.sections()) {
                n++;
                Row h = sheet.createRow(n++);
                h.createCell(0).setCellValue(s.heading());
                h.getCell(0).setCellStyle(bold);
                for (Line l : s.lines()) {
                    Row r = sheet.createRow(n++);
                    r.createCell(0).setCellValue(l.label());
                    if (l.value().matches("\\d+")) {
                        r.createCell(1).setCellValue(Long.parseLong(l.value()));
                    } else {
                        r.createCell(1).setCellValue(l.value());
                    }
                }
            }
            sheet.setColumnWidth(0, 60 * 256);
            sheet.setColumnWidth(1, 40 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF embeds (a subset of) the configured CJK TrueType font, so the Chinese renders in any reader. */
    public byte[] pdf(WeeklyReport report) {
        List<CjkPdf.Line> lines = new ArrayList<>();
        for (Section s : report.sections()) {
            lines.add(CjkPdf.Line.heading(s.heading()));
            for (Line l : s.lines()) {
                lines.add(CjkPdf.Line.item(l.label(), l.value()));
            }
        }
        return CjkPdf.write(config.reportFont(), report.title(), lines);
    }
}
