package io.investcrm.company;

import java.util.List;

/**
 * What company queries need to know of a company's pursuit, answered by the feature that owns pursuits (the
 * pipeline) without company depending on it: the stage codes, the join to the pursuit and how far a stage has got.
 */
public interface Pursuits {

    /** The stage codes in pipeline order (for filters). */
    List<String> stages();

    /** A LEFT JOIN bringing the pursuit of the company in {@code companyIdColumn} in under {@code alias}. */
    String joinSql(String alias, String companyIdColumn);

    /**
     * An SQL expression on the joined pursuit under {@code alias} that reads one of {@link Coverage}'s names: no
     * pursuit or one not yet contacted is untouched, contacted, landed, and every stage between is pipeline.
     */
    String coverageSql(String alias);

    /** How far the office got with a firm (ranking lists report it per entry). */
    enum Coverage {
        UNTOUCHED, CONTACTED, PIPELINE, LANDED
    }
}
