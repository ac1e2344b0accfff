package io.investcrm.plan.model;

import java.util.List;

/** One of the plan's zones: its functions, the presence kinds it suits and the industries it prioritises. */
public record Zone(String code, String ref, LocalizedText name, String belt, boolean engine,
                   List<LocalizedText> functions, List<PresenceTerm> presence, List<ZonePriority> priorities) {

    public Zone {
        functions = functions == null ? List.of() : List.copyOf(functions);
        presence = presence == null ? List.of() : List.copyOf(presence);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
    }

    public boolean suits(PresenceKind kind) {
        return kind != null && presence.stream().anyMatch(p -> p.kind() == kind);
    }
}
