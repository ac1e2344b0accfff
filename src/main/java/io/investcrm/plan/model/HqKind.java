package io.investcrm.plan.model;

import java.util.List;

/** A kind of headquarters the plan wants (五(一)1–3): the sectors, presence kinds and ranking lists it names. */
public record HqKind(String ref, LocalizedText title, List<IndustryTerm> sectors, List<PresenceTerm> presence,
                     List<ListTerm> lists) {

    public HqKind {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        presence = presence == null ? List.of() : List.copyOf(presence);
        lists = lists == null ? List.of() : List.copyOf(lists);
    }
}
