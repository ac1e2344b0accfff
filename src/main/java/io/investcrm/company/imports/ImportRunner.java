package io.investcrm.company.imports;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import io.investcrm.audit.AuditService;
import io.investcrm.company.ranking.RankingForm;
import io.investcrm.company.words.CodedWords;
import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.web.table.Table;
import io.investcrm.web.table.TableReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.context.api.ManagedExecutorConfig;

/**
 * The background run of a confirmed import, on Quarkus' managed executor (issue 9). The run outlives the request that
 * confirmed it, so that request's CDI context is not propagated (it ends with the response); the task gets a request
 * context of its own ({@link ActivateRequestContext}) and acts as the person who confirmed it. All rows go in one
 * transaction; progress is written in short transactions of their own so a page can show it.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    /** Progress is written every this many rows. */
    static final int PROGRESS_EVERY = 25;
    /** A run may take long for a big file; the default 60 s transaction timeout is for requests. */
    static final int RUN_TIMEOUT_SECONDS = 3600;

    @Inject
    @ManagedExecutorConfig(maxAsync = 1, cleared = { ThreadContext.CDI, ThreadContext.TRANSACTION })
    ManagedExecutor executor;

    @Inject
    CurrentIdentityAssociation identityAssociation;

    @Inject
    ImportService imports;

    @Inject
    CodedWords words;

    @Inject
    AuditService audit;

    @Inject
    AppClock clock;

    @Inject
    EntityManager em;

    @Inject
    ImportRunner self;

    /** Starts the run of a job already marked RUNNING; answers at once. */
    void start(long id) {
        SecurityIdentity confirmedBy = identityAssociation.getIdentity();
        executor.runAsync(() -> self.run(id, confirmedBy));
    }

    @ActivateRequestContext
    void run(long id, SecurityIdentity confirmedBy) {
        identityAssociation.setIdentity(confirmedBy);
        try {
            int imported = QuarkusTransaction.requiringNew().timeout(RUN_TIMEOUT_SECONDS).call(() -> importRows(id));
            finish(id, ImportStatus.DONE, imported, null);
        } catch (RuntimeException e) {
            finish(id, ImportStatus.FAILED, 0, failureOf(id, e));
        }
    }

    private int importRows(long id) {
        ImportJob job = ImportJob.findById(id);
        Importer importer = imports.importer(job.kind);
        Table table = TableReader.read(job.fileData, job.fileFormat, job.kind.headerAliases());
        Set<Integer> skip = ImportService.parseRows(job.skippedRows);
        RankingForm ranking = job.options == null ? null : imports.fromJson(job.options, RankingForm.class);
        Importer.Run run = importer.run(job, new Importer.FileContext(job.fileName, Set.of(), ranking));
        int imported = 0;
        for (int i = 0; i < table.rows().size(); i++) {
            int rowNumber = Table.rowNumber(i);
            Map<String, String> row = table.rows().get(i);
            if (!skip.contains(rowNumber) && !row.isEmpty()) {
                try {
                    run.write(new RowParser(row, words));
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
        audit.record(ImportService.AUDIT_TYPE, id, "import", job.kind + " " + job.fileName + ": " + imported + run.summary());
        return imported;
    }

    private void progress(long id, int processed) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE import_job SET processed_rows = ?1 WHERE id = ?2").setParameter(1, processed).setParameter(2, id)
                .executeUpdate());
    }

    /** The run's end: the file is dropped whatever the outcome (issue 13); the counts and the masked report stay. */
    private void finish(long id, ImportStatus status, int imported, String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = ImportJob.findById(id);
            job.status = status;
            job.importedRows = imported;
            job.processedRows = status == ImportStatus.DONE ? job.totalRows : job.processedRows;
            job.failure = failure == null ? null : failure.substring(0, Math.min(500, failure.length()));
            job.finishedAt = clock.now();
            job.purge(job.finishedAt);
            if (status == ImportStatus.FAILED) {
                audit.record(ImportService.AUDIT_TYPE, id, "import-failed", job.failure);
            }
        });
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
}
