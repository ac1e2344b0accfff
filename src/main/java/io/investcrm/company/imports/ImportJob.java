package io.investcrm.company.imports;

import java.time.LocalDateTime;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.investcrm.web.table.TableFormat;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One uploaded file: kept only until it is imported or abandoned, with the dry run's report and the run's progress. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportKind kind;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Enumerated(EnumType.STRING)
    @Column(name = "file_format", nullable = false)
    public TableFormat fileFormat;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "file_data", columnDefinition = "LONGBLOB")
    public byte[] fileData;

    /** When the file was dropped: the run ended, or the upload was abandoned (issue 13: bounded retention). */
    @Column(name = "purged_at")
    public LocalDateTime purgedAt;

    /** The ranking list's header (JSON) for a RANKING import. */
    @Column(columnDefinition = "TEXT")
    public String options;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ImportStatus status;

    @Column(name = "total_rows", nullable = false)
    public int totalRows;

    @Column(name = "processed_rows", nullable = false)
    public int processedRows;

    @Column(name = "error_rows", nullable = false)
    public int errorRows;

    @Column(name = "duplicate_rows", nullable = false)
    public int duplicateRows;

    @Column(name = "imported_rows", nullable = false)
    public int importedRows;

    /** Row numbers the person chose to skip, comma-separated. */
    @Column(name = "skipped_rows", columnDefinition = "TEXT")
    public String skippedRows;

    /** The dry run's findings, JSON. */
    @Lob
    @Column(columnDefinition = "LONGTEXT")
    public String report;

    public String failure;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "finished_at")
    public LocalDateTime finishedAt;

    /** Drops the uploaded file; the job keeps its counts and its (masked) report. */
    void purge(LocalDateTime now) {
        fileData = null;
        purgedAt = now;
    }
}
