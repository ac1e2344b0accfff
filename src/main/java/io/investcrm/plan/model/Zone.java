package io.investcrm.plan.model;

import java.util.List;
import java.util.Optional;

/**
 * One of the plan's zones: its functions, the presence kinds it suits, the industries it prioritises (each, where the
 * paragraph says so, in one of its named areas) and those areas.
 */
public record Zone(String code, String ref, LocalizedText name, String belt, boolean engine,
                   List<LocalizedText> functions, List<PresenceTerm> presence, List<ZonePriority> priorities,
                   List<ZoneArea> areas) {

    public Zone {
        functions = functions == null ? List.of() : List.copyOf(functions);
        presence = presence == null ? List.of() : List.copyOf(presence);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
        areas = areas == null ? List.of() : List.copyOf(areas);
    }

    public Optional<ZoneArea> area(String areaCode) {
        return areas.stream().filter(a -> a.code().equals(areaCode)).findFirst();
    }

    public boolean suits(PresenceKind kind) {
        return kind != null && presence.stream().anyMatch(p -> p.kind() == kind);
    }
}
