package io.investcrm.company.ranking;

import java.util.ArrayList;
import java.util.List;

import io.investcrm.web.table.TableColumn;

/**
 * The columns of a ranking-list file. The import reads {@link #ENTRY}; the export writes those first and then what the
 * office adds to an entry ({@link #EXPORT}), with labels people read, so an export imports again as a list (issue 15).
 */
public final class RankingColumns {

    /** What a list's own file holds: rank, names and identifiers. */
    public static final List<TableColumn> ENTRY = List.of(
            TableColumn.of("rank", "排名", "Rank", "名次"),
            TableColumn.of("name", "企业名称", "Name", "名称", "中文名称"),
            TableColumn.of("nameEn", "英文名称", "English name"),
            TableColumn.of("creditCode", "统一社会信用代码", "Credit code", "信用代码"),
            TableColumn.of("hkCompanyNo", "香港公司注册编号", "HK company number"),
            TableColumn.of("lei", "LEI代码", "LEI"));

    /** The entry's columns, then the link to the register and the pursuit (an import ignores these). */
    public static final List<TableColumn> EXPORT;

    static {
        List<TableColumn> all = new ArrayList<>(ENTRY);
        all.add(TableColumn.of("companyId", "企业库编号", "Register id"));
        all.add(TableColumn.of("companyName", "企业库记录", "Register record"));
        all.add(TableColumn.of("linkStatus", "关联状态", "Link"));
        all.add(TableColumn.of("coverage", "跟进情况", "Coverage"));
        all.add(TableColumn.of("stage", "招商阶段", "Stage"));
        EXPORT = List.copyOf(all);
    }

    private RankingColumns() {
    }
}
