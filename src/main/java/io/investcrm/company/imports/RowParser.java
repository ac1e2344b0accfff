package io.investcrm.company.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.investcrm.company.CompanyForm;
import io.investcrm.company.EntityRole;
import io.investcrm.company.contact.Consent;
import io.investcrm.company.contact.ContactForm;
import io.investcrm.company.ranking.EntryRow;
import io.investcrm.company.words.CodedWords;
import io.investcrm.core.DomainException.FieldError;

/** Turns one file row into the form the services take; what does not parse becomes a field error, not an exception. */
final class RowParser {

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[;；,，、|]+");

    private final Map<String, String> row;
    private final CodedWords words;
    final List<FieldError> errors = new ArrayList<>();

    RowParser(Map<String, String> row, CodedWords words) {
        this.row = row;
        this.words = words;
    }

    String str(String column) {
        String v = row.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    List<String> list(String column) {
        String v = str(column);
        return v == null ? List.of() : Arrays.stream(LIST_SEPARATORS.split(v)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The industries cell as words (see {@link CodedWords#industryWords}). */
    List<String> industryWords() {
        return words.industryWords(str("industries"));
    }

    Integer integer(String column) {
        String v = str(column);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", "")).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(new FieldError(column, "validation.not-a-number"));
            return null;
        }
    }

    Long longValue(String column) {
        Integer v = integer(column);
        return v == null ? null : v.longValue();
    }

    BigDecimal decimal(String column) {
        String v = str(column);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(column, "validation.not-a-number"));
            return null;
        }
    }

    /** An enum field by its code or its label in either language (区域总部, Regional HQ, REGIONAL_HQ). */
    <E extends Enum<E>> E enumValue(String column, Class<E> type, String bundlePrefix) {
        String code = CodedWords.code(words.choice(type, bundlePrefix, str(column)), column, errors);
        return code == null ? null : Enum.valueOf(type, code);
    }

    /** The company as written: country, presence, industries and zone stay words for the company service to read. */
    CompanyForm company(Long parentId) {
        return new CompanyForm(str("nameZh"), str("nameEn"), str("nameTc"), str("creditCode"), str("hkCompanyNo"),
                str("lei"), str("hqCountry"), str("hqCity"),
                enumValue("entityRole", EntityRole.class, "entityRole."), parentId, str("presenceSought"), str("businessActivities"),
                industryWords(), decimal("revenueCnyM"), integer("headcount"), integer("spaceNeedSqm"),
                str("preferredZone"), str("website"), null);
    }

    ContactForm contact(String defaultSource) {
        Consent consent = enumValue("consent", Consent.class, "contact.consent.");
        String source = str("source");
        return new ContactForm(str("name"), str("title"), str("phone"), str("email"), str("wechat"),
                source == null ? defaultSource : source, consent == null ? Consent.PENDING : consent, null,
                str("consentNote"), null);
    }

    EntryRow entry() {
        Integer rank = integer("rank");
        if (rank == null && str("rank") == null) {
            errors.add(new FieldError("rank", "validation.required"));
        } else if (rank != null && rank < 1) {
            errors.add(new FieldError("rank", "ranking.rank.invalid"));
        }
        if (str("name") == null) {
            errors.add(new FieldError("name", "validation.required"));
        }
        return new EntryRow(rank == null ? 0 : rank, str("name") == null ? "" : str("name"), str("nameEn"),
                str("creditCode"), str("hkCompanyNo"), str("lei"));
    }
}
