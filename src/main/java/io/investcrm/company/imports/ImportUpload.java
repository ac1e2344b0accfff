package io.investcrm.company.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.investcrm.company.ranking.RankingForm;
import io.investcrm.core.DomainException;
import io.investcrm.plan.model.RankingScope;

/** The multipart upload of an import (API and page): the file, its kind and, for a ranking list, the list's header. */
public class ImportUpload {

    @RestForm
    public FileUpload file;

    @RestForm
    public String kind;

    @RestForm
    public String code;

    @RestForm
    public String year;

    @RestForm
    public String nameZh;

    @RestForm
    public String nameEn;

    @RestForm
    public String scope;

    @RestForm
    public String fieldCode;

    @RestForm
    public String source;

    public ImportKind kind() {
        try {
            return kind == null || kind.isBlank() ? null : ImportKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(java.util.List.of(new DomainException.FieldError("kind", "validation.invalid-choice")));
        }
    }

    public String fileName() {
        return file == null || file.fileName() == null ? "" : file.fileName();
    }

    public byte[] bytes() {
        if (file == null || file.uploadedFile() == null) {
            return null;
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list header; fields that do not parse are left null for the validation to name. */
    public RankingForm ranking() {
        if (kind() != ImportKind.RANKING) {
            return null;
        }
        Integer y = null;
        try {
            y = year == null || year.isBlank() ? null : Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(java.util.List.of(new DomainException.FieldError("year", "ranking.year.invalid")));
        }
        RankingScope s = null;
        try {
            s = scope == null || scope.isBlank() ? null : RankingScope.valueOf(scope.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(java.util.List.of(new DomainException.FieldError("scope", "validation.invalid-choice")));
        }
        return new RankingForm(code == null ? null : code.strip(), y, nameZh, nameEn, s, fieldCode, source);
    }
}
