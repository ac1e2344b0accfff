package io.investcrm.plan.model;

import java.util.List;

/** A part of the spatial pattern (an axis or a wing) and the zones it joins; {@code places} are non-zone anchors. */
public record Belt(String code, String ref, LocalizedText name, String term, List<String> zones,
                   List<LocalizedText> places) {

    public Belt {
        zones = zones == null ? List.of() : List.copyOf(zones);
        places = places == null ? List.of() : List.copyOf(places);
    }
}
