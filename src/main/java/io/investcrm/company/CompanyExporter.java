package io.investcrm.company;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.investcrm.company.words.CodedWords;
import io.investcrm.web.table.TableFormat;
import io.investcrm.web.table.TableWriter;

/** Exports of the company list: any filtered list as CSV or XLSX, in the import's columns. */
@ApplicationScoped
public class CompanyExporter {

    /** Exports stop here: a bigger extract is a database job, not a download. */
    static final int EXPORT_MAX = 100_000;

    @Inject
    CompanySearch search;

    @Inject
    DuplicateFinder duplicateFinder;

    @Inject
    CodedWords words;

    /** Every company of a filtered list, for export (at most {@value #EXPORT_MAX}). */
    public List<Company> export(CompanySearchSql.Filter filter) {
        List<Long> ids = search.ids(filter, EXPORT_MAX);
        List<Company> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            Map<Long, Company> byId = new LinkedHashMap<>();
            Company.<Company>list("id in ?1", chunk).forEach(c -> byId.put(c.id, c));
            chunk.forEach(id -> out.add(byId.get(id)));
        }
        return out;
    }

    /**
     * The export of a filtered list as a file: the import's columns with labels people read (Chinese, or English), so
     * it can be read, edited and imported again.
     */
    public byte[] exportFile(CompanySearchSql.Filter filter, TableFormat format, Locale locale) {
        List<Company> rows = export(filter);
        List<List<String>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i += 1000) {
            List<Company> chunk = rows.subList(i, Math.min(rows.size(), i + 1000));
            Map<Long, List<String>> aliases = duplicateFinder.aliasesOf(new LinkedHashSet<>(chunk.stream().map(c -> c.id).toList()));
            for (Company c : chunk) {
                out.add(CompanyExport.row(c, aliases.getOrDefault(c.id, List.of()), words, locale));
            }
        }
        return TableWriter.write(format, CompanyExport.header(locale), out);
    }
}
