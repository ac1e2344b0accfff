package io.investcrm.company.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.audit.AuditService;
import io.investcrm.company.Company;
import io.investcrm.company.CompanyForm;
import io.investcrm.company.CompanyService;
import io.investcrm.company.DuplicateFinder;
import io.investcrm.company.DuplicateView;
import io.investcrm.company.contact.ContactForm;
import io.investcrm.company.contact.ContactService;
import io.investcrm.company.contact.ContactView;
import io.investcrm.company.identity.CompanyFacts;
import io.investcrm.company.identity.CreditCode;
import io.investcrm.company.identity.DuplicateMatch.Confidence;
import io.investcrm.company.identity.HkCompanyNumber;
import io.investcrm.company.identity.Lei;
import io.investcrm.company.identity.NameNormalizer;
import io.investcrm.company.ranking.EntryRow;
import io.investcrm.company.ranking.Ranking;
import io.investcrm.company.ranking.RankingForm;
import io.investcrm.company.ranking.RankingService;
import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.security.CurrentUser;
import io.investcrm.web.Messages;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Imports companies, contacts and ranking lists from CSV or XLSX in two steps. The dry run reads the file, reports
 * every bad row with its reason and every probable duplicate, and keeps the file. The run then imports all rows in one
 * transaction (any failure leaves nothing written) or all but the rows the person chose to skip, in the background,
 * recording its progress in separate short transactions so a page can show it.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    public static final String AUDIT_TYPE = "import";
    /** Progress is written every this many rows. */
    static final int PROGRESS_EVERY = 25;
    /** A run may take long for a big file; the default 60 s transaction timeout is for requests. */
    static final int RUN_TIMEOUT_SECONDS = 3600;

    @Inject
    CompanyService companies;

    @Inject
    ContactService contacts;

    @Inject
    RankingService rankings;

    @Inject
    DuplicateFinder duplicates;

    @Inject
    Validator beanValidator;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentUser currentUser;

    @Inject
    CurrentIdentityAssociation identityAssociation;

    @Inject
    AuditService audit;

    @Inject
    AppClock clock;

    @Inject
    EntityManager em;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "investcrm-import");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Reads the file and checks every row (the dry run); nothing is imported yet. */
    public ImportView upload(ImportKind kind, String fileName, byte[] data, RankingForm ranking, Locale locale) {
        if (kind == null) {
            throw DomainException.invalid(List.of(new FieldError("kind", "validation.required")));
        }
        if (data == null || data.length == 0) {
            throw DomainException.invalid(List.of(new FieldError("file", "import.empty")));
        }
        if (kind == ImportKind.RANKING) {
            // ranking lists are the office's reference data: managers keep them
            if (!currentUser.seesAll()) {
                throw DomainException.forbidden("import.ranking.forbidden");
            }
            rankings.validate(ranking);
        }
        TableFormat format = TableFormat.ofFileName(fileName);
        Table table = TableReader.read(data, format, kind.headerAliases());
        requireColumns(kind, table);
        long id = QuarkusTransaction.requiringNew().timeout(RUN_TIMEOUT_SECONDS).call(() -> {
            List<RowReport> report = check(kind, table, fileName);
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
        return jobs.stream().map(j -> summary(j)).toList();
    }

    /**
     * Starts the run: ALL needs a file without errors; SKIP needs every row with an error among the skipped ones.
     * Answers at once; the run goes on in the background.
     */
    public ImportView confirm(long id, ConfirmForm form, Locale locale) {
        if (form == null || form.mode() == null) {
            throw DomainException.invalid(List.of(new FieldError("mode", "validation.required")));
        }
        SecurityIdentity identity = identityAssociation.getIdentity();
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = find(id);
            if (job.status != ImportStatus.CHECKED) {
                throw DomainException.conflict("import.not-checked");
            }
            Set<Integer> skip = new TreeSet<>(form.skipRows() == null ? List.of() : form.skipRows());
            List<RowReport> report = report(job);
            Set<Integer> errorRows = report.stream().filter(RowReport::hasErrors).map(RowReport::row)
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
        worker.submit(() -> run(id, identity));
        return get(id, locale);
    }

    /** The run, on the import thread, as the person who confirmed it. */
    void run(long id, SecurityIdentity identity) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            identityAssociation.setIdentity(identity);
            try {
                int imported = QuarkusTransaction.requiringNew().timeout(RUN_TIMEOUT_SECONDS).call(() -> importRows(id));
                finish(id, ImportStatus.DONE, imported, null);
            } catch (RuntimeException e) {
                finish(id, ImportStatus.FAILED, 0, failureOf(id, e));
            }
        } finally {
            requestContext.terminate();
        }
    }

    /** What went wrong, for the job row: a row failure, a refusal's code, or "import.failed" (logged). */
    private static String failureOf(long id, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RowFailure f) {
                return f.failure;
            }
            if (t instanceof DomainException d) {
                return d.code();
            }
        }
        LOG.errorf(e, "Import %d failed", id);
        return "import.failed";
    }

    /** A row the run could not import: "row|code|arg…", turned into words by the view. */
    static final class RowFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String failure;

        RowFailure(int row, DomainException e) {
            super("row " + row + ": " + e.code());
            String detail = e.violations().isEmpty() ? e.code() : e.violations().get(0).messageKey();
            this.failure = row + "|" + detail;
        }
    }

    private int importRows(long id) {
        ImportJob job = ImportJob.findById(id);
        Table table = TableReader.read(job.fileData, job.fileFormat, job.kind.headerAliases());
        Set<Integer> skip = parseRows(job.skippedRows);
        Long rankingId = null;
        if (job.kind == ImportKind.RANKING) {
            rankingId = rankings.createEntity(fromJson(job.options, RankingForm.class)).id;
        }
        int imported = 0;
        Map<String, Long> createdByCode = new HashMap<>();
        for (int i = 0; i < table.rows().size(); i++) {
            int rowNumber = Table.rowNumber(i);
            Map<String, String> row = table.rows().get(i);
            if (!skip.contains(rowNumber) && !row.isEmpty()) {
                try {
                    importRow(job, row, rankingId, createdByCode);
                    imported++;
                } catch (DomainException e) {
                    throw new RowFailure(rowNumber, e);
                }
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                em.flush();
                progress(id, i + 1);
            }
        }
        audit.record(AUDIT_TYPE, id, "import", job.kind + " " + job.fileName + ": " + imported
                + (rankingId == null ? "" : " → ranking " + rankingId));
        return imported;
    }

    private void importRow(ImportJob job, Map<String, String> row, Long rankingId, Map<String, Long> createdByCode) {
        RowParser p = new RowParser(row);
        switch (job.kind) {
            case COMPANY -> {
                Long parent = parentOf(p, createdByCode);
                CompanyForm form = p.company(parent);
                if (!p.errors.isEmpty()) {
                    throw DomainException.invalid(p.errors);
                }
                Company c = companies.createEntity(form, p.list("aliases"));
                if (c.creditCode != null) {
                    createdByCode.put(c.creditCode, c.id);
                }
            }
            case CONTACT -> {
                Long companyId = companyOf(p);
                ContactForm form = p.contact("import:" + job.fileName);
                if (!p.errors.isEmpty() || companyId == null) {
                    throw DomainException.invalid(p.errors.isEmpty()
                            ? List.of(new FieldError("companyId", "import.company.unknown")) : p.errors);
                }
                contacts.createEntity(companyId, form);
            }
            case RANKING -> {
                EntryRow entry = p.entry();
                p.errors.addAll(entryProblems(entry));
                if (!p.errors.isEmpty()) {
                    throw DomainException.invalid(p.errors);
                }
                rankings.addEntry(rankingId, entry);
            }
        }
    }

    private void progress(long id, int processed) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE import_job SET processed_rows = ?1 WHERE id = ?2").setParameter(1, processed).setParameter(2, id)
                .executeUpdate());
    }

    private void finish(long id, ImportStatus status, int imported, String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = ImportJob.findById(id);
            job.status = status;
            job.importedRows = imported;
            job.processedRows = status == ImportStatus.DONE ? job.totalRows : job.processedRows;
            job.failure = failure == null ? null : failure.substring(0, Math.min(500, failure.length()));
            job.finishedAt = clock.now();
            if (status == ImportStatus.FAILED) {
                // the file may hold personal data; a failed run keeps its report but need not keep the file's rows
                audit.record(AUDIT_TYPE, id, "import-failed", job.failure);
            }
        });
    }

    // ---- the dry run ----

    List<RowReport> check(ImportKind kind, Table table, String fileName) {
        List<RowReport> out = new ArrayList<>();
        Map<String, Integer> seenIds = new HashMap<>();
        Map<String, Integer> seenNames = new HashMap<>();
        Set<String> fileCodes = table.rows().stream().map(r -> r.get("creditCode")).filter(s -> s != null)
                .map(CreditCode::normalize).collect(Collectors.toSet());
        for (int i = 0; i < table.rows().size(); i++) {
            int rowNumber = Table.rowNumber(i);
            Map<String, String> row = table.rows().get(i);
            if (row.isEmpty()) {
                continue;
            }
            RowParser p = new RowParser(row);
            List<FieldError> errors = new ArrayList<>();
            List<DuplicateView> dups = List.of();
            String label;
            switch (kind) {
                case COMPANY -> {
                    String parentCode = p.str("parentCreditCode");
                    // a parent may come earlier in the same file: it exists by the time its subsidiary is written
                    Long parent = parentCode != null && fileCodes.contains(CreditCode.normalize(parentCode)) ? null : parentOf(p, Map.of());
                    CompanyForm form = p.company(parent);
                    label = form.nameZh() != null ? form.nameZh() : form.nameEn();
                    errors.addAll(p.errors);
                    errors.addAll(companies.problems(form, null));
                    errors.addAll(violations(form));
                    inFile(errors, seenIds, "creditCode", form.creditCode() == null ? null : "cc:" + CreditCode.normalize(form.creditCode()), rowNumber);
                    inFile(errors, seenIds, "lei", form.lei() == null ? null : "lei:" + Lei.normalize(form.lei()), rowNumber);
                    String norm = label == null ? null : NameNormalizer.standard().normalized(label);
                    inFile(errors, seenNames, "nameZh", norm == null || norm.isEmpty() ? null : norm, rowNumber);
                    dups = probable(duplicates.find(DuplicateFinder.facts(form, null, p.list("aliases")), null));
                }
                case CONTACT -> {
                    Long companyId = companyOf(p);
                    ContactForm form = p.contact("import:" + fileName);
                    label = form.name();
                    errors.addAll(p.errors);
                    if (companyId == null) {
                        errors.add(new FieldError("companyId", "import.company.unknown"));
                    }
                    if (form.name() == null) {
                        errors.add(new FieldError("name", "validation.required"));
                    }
                    errors.addAll(violations(form));
                    List<ContactView> existing = contacts.lookup(form.phone(), form.email());
                    if (!existing.isEmpty()) {
                        errors.add(new FieldError("phone", "import.contact.exists", existing.get(0).id()));
                    }
                    inFile(errors, seenIds, "phone", form.phone() == null ? null : "p:" + form.phone().replaceAll("\\D", ""), rowNumber);
                    inFile(errors, seenIds, "email", form.email() == null ? null : "e:" + form.email().toLowerCase(Locale.ROOT), rowNumber);
                }
                case RANKING -> {
                    EntryRow entry = p.entry();
                    label = entry.name();
                    errors.addAll(p.errors);
                    errors.addAll(entryProblems(entry));
                    inFile(errors, seenIds, "rank", entry.rank() + ":" + NameNormalizer.standard().normalized(entry.name()), rowNumber);
                    dups = probable(duplicates.find(new CompanyFacts(entry.creditCode(), entry.hkCompanyNo(), entry.lei(),
                            Arrays.asList(entry.name(), entry.nameEn()), null), null));
                }
                default -> throw new IllegalStateException();
            }
            if (!errors.isEmpty() || !dups.isEmpty()) {
                out.add(new RowReport(rowNumber, label, errors.stream().map(ImportService::problem).toList(), dups));
            }
        }
        return out;
    }

    private static List<DuplicateView> probable(List<DuplicateView> found) {
        return found.stream().filter(d -> d.confidence() != Confidence.POSSIBLE).limit(5).toList();
    }

    private static void inFile(List<FieldError> errors, Map<String, Integer> seen, String field, String key, int row) {
        if (key == null) {
            return;
        }
        Integer first = seen.putIfAbsent(key, row);
        if (first != null) {
            errors.add(new FieldError(field, "import.duplicate-in-file", first));
        }
    }

    private List<FieldError> entryProblems(EntryRow e) {
        List<FieldError> errors = new ArrayList<>();
        if (e.creditCode() != null) {
            CreditCode.validationError(e.creditCode()).ifPresent(k -> errors.add(new FieldError("creditCode", k)));
        }
        if (e.lei() != null && !Lei.isValid(e.lei())) {
            errors.add(new FieldError("lei", "company.lei.invalid"));
        }
        if (e.hkCompanyNo() != null) {
            HkCompanyNumber.validationError(e.hkCompanyNo()).ifPresent(k -> errors.add(new FieldError("hkCompanyNo", k)));
        }
        if (e.name().length() > 255 || (e.nameEn() != null && e.nameEn().length() > 255)) {
            errors.add(new FieldError("name", "validation.too-long"));
        }
        return errors;
    }

    private <T> List<FieldError> violations(T form) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> v : beanValidator.validate(form)) {
            String path = v.getPropertyPath().toString();
            errors.add(new FieldError(path.contains("[") ? path.substring(0, path.indexOf('[')) : path,
                    v.getMessageTemplate().replaceAll("[{}]", "")));
        }
        return errors;
    }

    private Long parentOf(RowParser p, Map<String, Long> createdByCode) {
        Long parentId = p.longValue("parentId");
        String code = p.str("parentCreditCode");
        if (parentId == null && code != null) {
            String normalized = CreditCode.normalize(code);
            parentId = createdByCode.get(normalized);
            if (parentId == null) {
                Company parent = Company.find("creditCode", normalized).firstResult();
                if (parent == null) {
                    p.errors.add(new FieldError("parentCreditCode", "import.parent.unknown"));
                } else {
                    parentId = parent.id;
                }
            }
        }
        return parentId;
    }

    private Long companyOf(RowParser p) {
        Long id = p.longValue("companyId");
        if (id != null) {
            Company c = Company.findById(id);
            return c == null || c.survivorId != null ? null : c.id;
        }
        String code = p.str("companyCreditCode");
        if (code != null) {
            Company c = Company.find("creditCode = ?1 and survivorId is null", CreditCode.normalize(code)).firstResult();
            return c == null ? null : c.id;
        }
        return null;
    }

    private static void requireColumns(ImportKind kind, Table table) {
        Set<String> present = new LinkedHashSet<>();
        Map<String, String> aliases = kind.headerAliases();
        table.header().forEach(h -> {
            String c = aliases.get(TableReader.key(h));
            if (c != null) {
                present.add(c);
            }
        });
        List<String> missing = new ArrayList<>();
        switch (kind) {
            case COMPANY -> {
                if (!present.contains("nameZh") && !present.contains("nameEn")) {
                    missing.add("nameZh|nameEn");
                }
            }
            case CONTACT -> {
                if (!present.contains("name")) {
                    missing.add("name");
                }
                if (!present.contains("companyId") && !present.contains("companyCreditCode")) {
                    missing.add("companyId|companyCreditCode");
                }
            }
            case RANKING -> {
                for (String c : List.of("rank", "name")) {
                    if (!present.contains(c)) {
                        missing.add(c);
                    }
                }
            }
        }
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
                job.createdAt, job.createdBy, job.finishedAt, List.of());
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
                job.createdAt, job.createdBy, job.finishedAt, rows);
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

    private static RowReport.Problem problem(FieldError e) {
        return new RowReport.Problem(e.field(), e.messageKey(),
                e.args() == null ? List.of() : Arrays.stream(e.args()).map(String::valueOf).toList());
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

    private <T> T fromJson(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
