package io.investcrm.goals.rules;

import java.util.List;

import io.investcrm.plan.model.TargetTier;

/**
 * How firms count toward one target: by a ranking tier in a professional-service field (专栏9, 专栏10), by a group's
 * place on a named list (the Fortune Global 500), or by a recorded licence or certificate (专栏1 #10, #11).
 */
public record CountingRule(String code, String ref, Kind kind, List<TargetTier> tiers, List<String> fields,
        List<String> lists, String licenceType) {

    /** ANY_LANDING: a manager's own target without a plan rule, where every verified landing counts. */
    public enum Kind { TIERED_RANKING, LISTED_GROUP, LICENCE, ANY_LANDING }

    public CountingRule {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        fields = fields == null ? List.of() : List.copyOf(fields);
        lists = lists == null ? List.of() : List.copyOf(lists);
    }

    public static CountingRule tiered(String code, String ref, List<TargetTier> tiers, List<String> fields) {
        return new CountingRule(code, ref, Kind.TIERED_RANKING, tiers, fields, List.of(), null);
    }

    public static CountingRule listedGroup(String code, String ref, List<String> lists) {
        return new CountingRule(code, ref, Kind.LISTED_GROUP, List.of(), List.of(), lists, null);
    }

    public static CountingRule licence(String code, String ref, String licenceType) {
        return new CountingRule(code, ref, Kind.LICENCE, List.of(), List.of(), List.of(), licenceType);
    }

    public static CountingRule anyLanding(String code, String ref) {
        return new CountingRule(code, ref, Kind.ANY_LANDING, List.of(), List.of(), List.of(), null);
    }

    /** A field of the list counts when it is one of the target's fields or below one (professional.legal under professional). */
    boolean inField(String fieldCode) {
        if (fields.isEmpty()) {
            return true;
        }
        return fieldCode != null && fields.stream().anyMatch(f -> fieldCode.equals(f) || fieldCode.startsWith(f + "."));
    }
}
