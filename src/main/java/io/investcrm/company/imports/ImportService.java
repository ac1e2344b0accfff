package io.investcrm.company.imports;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.company.contact.ContactErased;
import io.investcrm.company.contact.PiiService;
import io.investcrm.company.identity.CreditCode;
import io.investcrm.company.ranking.Ranking;
import io.investcrm.company.ranking.RankingForm;
import io.investcrm.company.words.CodedWords;
import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.security.CurrentUser;
import io.investcrm.web.Messages;
import io.investcrm.web.table.Table;
import io.investcrm.web.table.TableFormat;
import io.investcrm.web.table.TableReader;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports companies, contacts and ranking lists from CSV or XLSX in two steps. The dry run reads the file, reports
 * every bad row with its reason and every probable duplicate, and keeps the file. The run ({@link ImportRunner}) then
 * imports all rows in one transaction, or all but the rows the person chose to skip, in the background. Each kind is
 * an {@link Importer}; this service owns the job, its file and the file's retention (issue 13: dropped when the run
 * ends, when the upload is abandoned, or when a person it names is erased).
 */
@ApplicationScoped
public class ImportService {

    public static final String AUDIT_TYPE = "import";
    /** A dry run of a big file may take long; the default 60 s transaction timeout is for requests. */
    static final int CHECK_TIMEOUT_SECONDS = 3600;

    @Inject
    Instance<Importer> importers;

    @Inject
    CodedWords words;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentUser currentUser;

    @Inject
    AppClock clock;

    @Inject
    ImportRunner runner;

    @Inject
    PiiService pii;

    Importer importer(ImportKind kind) {
        return importers.stream().filter(i -> i.kind() == kind).findFirst().orElseThrow();
    }

    /** Reads the file and checks every row (the dry run); nothing is imported yet. */
    public ImportView upload(ImportKind kind, String fileName, byte[] data, RankingForm ranking, Locale locale) {
        if (kind == null) {
            throw DomainException.invalid(List.of(new FieldError("kind", "validation.required")));
        }
        if (data == null || data.length == 0) {
            throw DomainException.invalid(List.of(new FieldError("file", "import.empty")));
        }
        Importer importer = importer(kind);
        importer.admit(ranking);
        TableFormat format = TableFormat.ofFileName(fileName);
        Table table = TableReader.read(data, format, kind.headerAliases());
        requireColumns(importer, table);
        long id = QuarkusTransaction.requiringNew().timeout(CHECK_TIMEOUT_SECONDS).call(() -> {
            List<RowReport> report = check(importer, table, fileName, ranking);
            ImportJob job = new ImportJob();
            job.kind = kind;
            job.fileName = fileName.length() > 255 ? fileName.substring(0, 255) : fileName;
            job.fileFormat = format;
            job.fileData = data;
            job.options = ranking == null ? null : toJson(ranking);
            job.status = ImportStatus.CHECKED;
            job.totalRows = table.rows().size();
            job.processedRows = job.totalRows;
            job.errorRows = (int) report.stream().filter(RowReport::hasErrors).count();
            job.duplicateRows = (int) report.stream().filter(r -> !r.duplicates().isEmpty()).count();
            job.report = toJson(report);
            job.createdBy = currentUser.username();
            job.createdAt = clock.now();
            job.persist();
            return job.id;
        });
        return get(id, locale);
    }

    public ImportView get(long id, Locale locale) {
        return view(find(id), locale);
    }

    /** Only the person who uploaded a file, a manager or an admin sees it (it may hold personal data). */
    ImportJob find(long id) {
        ImportJob job = ImportJob.findById(id);
        if (job == null || !(job.createdBy.equals(currentUser.username()) || currentUser.seesAll())) {
            throw DomainException.notFound("import", id);
        }
        return job;
    }

    public List<ImportView> recent(Locale locale) {
        List<ImportJob> jobs = currentUser.seesAll()
                ? ImportJob.find("order by createdAt desc, id desc").page(0, 20).list()
                : ImportJob.find("createdBy = ?1 order by createdAt desc, id desc", currentUser.username()).page(0, 20).list();
        return jobs.stream().map(this::summary).toList();
    }

    /**
     * Starts the run: ALL needs a file without errors; SKIP needs every row with an error among the skipped ones.
     * Answers at once; the run goes on in the background.
     */
    public ImportView confirm(long id, ConfirmForm form, Locale locale) {
        if (form == null || form.mode() == null) {
            throw DomainException.invalid(List.of(new FieldError("mode", "validation.required")));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = find(id);
            if (job.status == ImportStatus.ABANDONED) {
                throw DomainException.conflict("import.abandoned");
            }
            if (job.status != ImportStatus.CHECKED) {
                throw DomainException.conflict("import.not-checked");
            }
            Set<Integer> skip = new TreeSet<>(form.skipRows() == null ? List.of() : form.skipRows());
            Set<Integer> errorRows = report(job).stream().filter(RowReport::hasErrors).map(RowReport::row)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (form.mode() == ConfirmForm.Mode.ALL) {
                if (!errorRows.isEmpty()) {
                    throw DomainException.unprocessable("import.has-errors", errorRows.size());
                }
                skip.clear();
            } else {
                for (Integer row : skip) {
                    if (row == null || row < 2 || row > Table.rowNumber(job.totalRows - 1)) {
                        throw DomainException.invalid(List.of(new FieldError("skipRows", "import.row.unknown", row)));
                    }
                }
                Set<Integer> unskipped = new TreeSet<>(errorRows);
                unskipped.removeAll(skip);
                if (!unskipped.isEmpty()) {
                    throw DomainException.unprocessable("import.errors-not-skipped", join(unskipped));
                }
            }
            job.status = ImportStatus.RUNNING;
            job.processedRows = 0;
            job.skippedRows = join(skip);
        });
        runner.start(id);
        return get(id, locale);
    }

    // ---- retention (issue 13) ----

    /** Abandons the checked uploads older than the cutoff and drops their files; answers how many. */
    public int abandonUnconfirmed(LocalDateTime cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ImportJob> stale = ImportJob.list("status = ?1 and createdAt < ?2", ImportStatus.CHECKED, cutoff);
            LocalDateTime now = clock.now();
            stale.forEach(job -> {
                job.status = ImportStatus.ABANDONED;
                job.finishedAt = now;
                job.purge(now);
            });
            return stale.size();
        });
    }

    /**
     * An erased person leaves no copy in a stored upload: a waiting contact file that names them (same company and
     * name, phone or e-mail) is abandoned and its file dropped, in the erasure's transaction.
     */
    void onContactErased(@Observes ContactErased erased) {
        List<ImportJob> waiting = ImportJob.list("kind = ?1 and fileData is not null and status in ?2", ImportKind.CONTACT,
                List.of(ImportStatus.CHECKED, ImportStatus.RUNNING));
        LocalDateTime now = clock.now();
        for (ImportJob job : waiting) {
            if (names(job, erased)) {
                if (job.status == ImportStatus.CHECKED) {
                    job.status = ImportStatus.ABANDONED;
                    job.finishedAt = now;
                    job.purge(now);
                }
                // a running job drops its file when it ends, a few seconds later
            }
        }
    }

    private boolean names(ImportJob job, ContactErased erased) {
        Table table = TableReader.read(job.fileData, job.fileFormat, job.kind.headerAliases());
        for (Map<String, String> row : table.rows()) {
            String phone = row.get("phone");
            String email = row.get("email");
            if (phone != null && erased.phoneIndex() != null && erased.phoneIndex().equals(pii.phoneIndex(phone))) {
                return true;
            }
            if (email != null && erased.emailIndex() != null && erased.emailIndex().equals(pii.emailIndex(email))) {
                return true;
            }
            if (erased.name() != null && erased.name().strip().equals(row.get("name"))) {
                return true;
            }
        }
        return false;
    }

    // ---- the dry run ----

    List<RowReport> check(Importer importer, Table table, String fileName, RankingForm ranking) {
        Set<String> fileCodes = table.rows().stream().map(r -> r.get("creditCode")).filter(s -> s != null)
                .map(CreditCode::normalize).collect(Collectors.toSet());
        Importer.DryRun dryRun = importer.dryRun(new Importer.FileContext(fileName, fileCodes, ranking));
        List<RowReport> out = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            Map<String, String> row = table.rows().get(i);
            if (!row.isEmpty()) {
                RowReport r = dryRun.check(Table.rowNumber(i), new RowParser(row, words));
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static void requireColumns(Importer importer, Table table) {
        Set<String> present = new LinkedHashSet<>();
        Map<String, String> aliases = importer.kind().headerAliases();
        table.header().forEach(h -> {
            String c = aliases.get(TableReader.key(h));
            if (c != null) {
                present.add(c);
            }
        });
        List<String> missing = importer.missingColumns(present);
        if (!missing.isEmpty()) {
            throw DomainException.invalid(List.of(new FieldError("file", "import.columns.missing", String.join(", ", missing))));
        }
        if (table.rows().isEmpty()) {
            throw DomainException.invalid(List.of(new FieldError("file", "import.empty")));
        }
    }

    // ---- views ----

    private ImportView summary(ImportJob job) {
        return new ImportView(job.id, job.kind, job.fileName, job.status, job.totalRows, job.processedRows, job.errorRows,
                job.duplicateRows, job.importedRows, List.copyOf(parseRows(job.skippedRows)), job.failure, rankingIdOf(job),
                job.createdAt, job.createdBy, job.finishedAt, job.purgedAt != null, List.of());
    }

    private ImportView view(ImportJob job, Locale locale) {
        List<ImportView.Row> rows = new ArrayList<>();
        for (RowReport r : report(job)) {
            rows.add(new ImportView.Row(r.row(), r.label(),
                    r.errors().stream().map(e -> new ImportView.Message(e.field(), e.key(),
                            Messages.format(locale, e.key(), e.args().toArray()))).toList(),
                    r.duplicates().stream().map(d -> new ImportView.Duplicate(d.companyId(), d.displayName(),
                            d.confidence().name(), d.reasons().stream().map(k -> Messages.format(locale, k)).toList())).toList()));
        }
        String failure = job.failure;
        if (failure != null && failure.contains("|")) {
            String[] parts = failure.split("\\|", 2);
            failure = Messages.format(locale, "import.failed.row", parts[0], Messages.format(locale, parts[1]));
        } else if (failure != null) {
            failure = Messages.format(locale, "error." + failure);
        }
        return new ImportView(job.id, job.kind, job.fileName, job.status, job.totalRows, job.processedRows, job.errorRows,
                job.duplicateRows, job.importedRows, List.copyOf(parseRows(job.skippedRows)), failure, rankingIdOf(job),
                job.createdAt, job.createdBy, job.finishedAt, job.purgedAt != null, rows);
    }

    private Long rankingIdOf(ImportJob job) {
        if (job.kind != ImportKind.RANKING || job.status != ImportStatus.DONE || job.options == null) {
            return null;
        }
        RankingForm form = fromJson(job.options, RankingForm.class);
        Ranking r = Ranking.find("code = ?1 and year = ?2", form.code(), form.year()).firstResult();
        return r == null ? null : r.id;
    }

    private List<RowReport> report(ImportJob job) {
        if (job.report == null) {
            return List.of();
        }
        try {
            return json.readValue(job.report, new TypeReference<List<RowReport>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<Integer> parseRows(String text) {
        Set<Integer> out = new TreeSet<>();
        if (text != null && !text.isBlank()) {
            for (String s : text.split(",")) {
                out.add(Integer.valueOf(s.strip()));
            }
        }
        return out;
    }

    private static String join(Set<Integer> rows) {
        return rows.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> T fromJson(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
