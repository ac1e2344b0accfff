package io.investcrm.company;

import java.util.ArrayList;
import java.util.List;

import io.investcrm.company.imports.ImportKind;

/** A company as an export row: the import's own columns, so an export can be edited and imported again. */
public final class CompanyExport {

    private CompanyExport() {
    }

    public static List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("id");
        h.addAll(ImportKind.COMPANY.columns());
        return h;
    }

    public static List<String> row(Company c, List<String> aliases) {
        List<String> r = new ArrayList<>();
        r.add(String.valueOf(c.id));
        r.add(c.nameZh);
        r.add(c.nameEn);
        r.add(c.nameTc);
        r.add(String.join(";", aliases));
        r.add(c.creditCode);
        r.add(c.hkCompanyNo);
        r.add(c.lei);
        r.add(c.hqCountry);
        r.add(c.hqCity);
        r.add(c.entityRole.name());
        r.add(c.parentId == null ? null : c.parentId.toString());
        r.add(null);
        r.add(c.presenceSought);
        r.add(String.join(";", c.industries.stream().sorted().toList()));
        r.add(c.businessActivities);
        r.add(c.revenueCnyM == null ? null : c.revenueCnyM.toPlainString());
        r.add(c.headcount == null ? null : c.headcount.toString());
        r.add(c.spaceNeedSqm == null ? null : c.spaceNeedSqm.toString());
        r.add(c.preferredZone);
        r.add(c.website);
        return r;
    }
}
