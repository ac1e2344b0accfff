package io.investcrm.company.imports;

import java.util.List;
import java.util.Map;

import io.investcrm.company.CompanyColumns;
import io.investcrm.company.ranking.RankingColumns;
import io.investcrm.web.table.TableColumn;

/**
 * What a file holds, and its columns: the field names, the Chinese and English headers, and the other headers an
 * office's own spreadsheet may use. Companies share their columns with the export, so an export reads back.
 */
public enum ImportKind {
    COMPANY(CompanyColumns.ALL),
    CONTACT(List.of(
            TableColumn.of("companyId", "企业编号", "Company id"),
            TableColumn.of("companyCreditCode", "企业信用代码", "Company credit code", "统一社会信用代码"),
            TableColumn.of("name", "姓名", "Name"), TableColumn.of("title", "职务", "Title"),
            TableColumn.of("phone", "电话", "Phone", "手机"), TableColumn.of("email", "邮箱", "E-mail", "电子邮件"),
            TableColumn.of("wechat", "微信", "WeChat", "微信号"), TableColumn.of("source", "来源", "Source"),
            TableColumn.of("consent", "同意情况", "Consent", "授权"),
            TableColumn.of("consentNote", "同意说明", "Consent note"))),
    RANKING(RankingColumns.ENTRY);

    private final List<TableColumn> columns;

    ImportKind(List<TableColumn> columns) {
        this.columns = columns;
    }

    public List<String> columns() {
        return columns.stream().map(TableColumn::name).toList();
    }

    /** Header key (see {@link io.investcrm.web.table.TableReader#key}) → column name. */
    public Map<String, String> headerAliases() {
        return TableColumn.headerAliases(columns);
    }
}
