package io.investcrm.matching;

/** A company that fits a zone or section, with where it stands in the pipeline (null stage: not pursued yet). */
public record CandidateView(long companyId, String displayName, int score, String stage, String status, String owner) {
}
