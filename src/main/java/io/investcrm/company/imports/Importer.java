package io.investcrm.company.imports;

import java.util.List;
import java.util.Set;

import io.investcrm.company.ranking.RankingForm;

/**
 * One kind of import (issue 9): the columns its file needs, how its dry run checks a row and how its run writes one.
 * {@link ImportService} owns the file, the job and the transactions; an importer knows only its own kind.
 */
interface Importer {

    ImportKind kind();

    /** The required columns missing from a header; alternatives are written {@code a|b}. */
    List<String> missingColumns(Set<String> present);

    /** A refusal before anything is read (a ranking list needs a manager and a valid list header). */
    default void admit(RankingForm ranking) {
    }

    /** The dry run of one file: rows are checked in file order, so a check may remember what came before. */
    DryRun dryRun(FileContext file);

    /** The run of one confirmed job, inside its transaction. */
    Run run(ImportJob job, FileContext file);

    /** What the dry run and the run know about the file as a whole. */
    record FileContext(String fileName, Set<String> creditCodes, RankingForm ranking) {
    }

    interface DryRun {
        /** What is wrong with the row and what it probably duplicates; null when there is nothing to say. */
        RowReport check(int rowNumber, RowParser row);
    }

    interface Run {
        /** Writes the row or throws the domain exception that refuses it. */
        void write(RowParser row);

        /** A word for the audit row (e.g. the ranking list created). */
        default String summary() {
            return "";
        }
    }
}
