package io.investcrm.security;

/**
 * What visibility needs to know of a company's pursuit (the pipeline's prospect): who owns and leads it, its team and
 * whether it is confidential. The pipeline's entity implements it, so the rule lives here without depending upward.
 */
public interface Pursuit {

    String owner();

    String leader();

    String teamCode();

    boolean confidential();
}
