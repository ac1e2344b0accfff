package io.investcrm.company;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.investcrm.company.words.CodedWords;
import io.investcrm.web.table.TableColumn;

/**
 * A company as an export row: the import's own columns, with the labels people read (香港, 华强-上步, 集成电路设计,
 * 区域总部) in Chinese or English rather than codes, so an export can be read, edited and imported again (issue 15).
 */
public final class CompanyExport {

    private CompanyExport() {
    }

    public static List<String> header(Locale locale) {
        List<String> h = new ArrayList<>();
        h.add(locale != null && "en".equals(locale.getLanguage()) ? "Id" : "编号");
        CompanyColumns.ALL.stream().map(c -> c.header(locale)).forEach(h::add);
        return h;
    }

    public static List<String> row(Company c, List<String> aliases, CodedWords words, Locale locale) {
        List<String> r = new ArrayList<>();
        r.add(String.valueOf(c.id));
        r.add(c.nameZh);
        r.add(c.nameEn);
        r.add(c.nameTc);
        r.add(String.join(";", aliases));
        r.add(c.creditCode);
        r.add(c.hkCompanyNo);
        r.add(c.lei);
        r.add(words.countryLabel(c.hqCountry, locale));
        r.add(c.hqCity);
        r.add(words.choiceLabel(c.entityRole, "entityRole.", locale));
        r.add(c.parentId == null ? null : c.parentId.toString());
        r.add(null);
        r.add(words.presenceLabel(c.presenceSought, locale));
        r.add(String.join(";", c.industries.stream().sorted().map(i -> words.industryLabel(i, locale)).toList()));
        r.add(c.businessActivities);
        r.add(c.revenueCnyM == null ? null : c.revenueCnyM.toPlainString());
        r.add(c.headcount == null ? null : c.headcount.toString());
        r.add(c.spaceNeedSqm == null ? null : c.spaceNeedSqm.toString());
        r.add(words.zoneLabel(c.preferredZone, locale));
        r.add(c.website);
        return r;
    }

    /** The column names in file order, for tests and the API description. */
    static List<String> names() {
        return CompanyColumns.ALL.stream().map(TableColumn::name).toList();
    }
}
