package io.investcrm.matching;

/**
 * A priority of the plan (an industry section or a zone) and how many prospects in the pipeline fit it:
 * few or none means the office should hunt there.
 */
public record GapView(String type, String ref, String code, String title, int inPipeline, int inRegister) {
}
