package io.investcrm.plan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A plan as data, as {@link PlanParser} reads and validates it. Lists keep the file's order; the lookups scan them
 * (a plan has a few hundred entries), and {@code MatchingEngine} builds its own indexes once.
 */
public record PlanDocument(PlanInfo plan, List<PlanSection> sections, List<RankingList> rankingLists,
                           List<HqKind> hqKinds, List<Industry> industries, List<Belt> belts, List<Zone> zones,
                           List<Target> targets, List<Indicator> indicators) {

    public PlanDocument {
        sections = sections == null ? List.of() : List.copyOf(sections);
        rankingLists = rankingLists == null ? List.of() : List.copyOf(rankingLists);
        hqKinds = hqKinds == null ? List.of() : List.copyOf(hqKinds);
        industries = industries == null ? List.of() : List.copyOf(industries);
        belts = belts == null ? List.of() : List.copyOf(belts);
        zones = zones == null ? List.of() : List.copyOf(zones);
        targets = targets == null ? List.of() : List.copyOf(targets);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    public Optional<PlanSection> section(String ref) {
        return sections.stream().filter(s -> s.ref().equals(ref)).findFirst();
    }

    public boolean hasSection(String ref) {
        return section(ref).isPresent();
    }

    /** The sections whose parent is {@code ref}, boxes included, in file order. */
    public List<PlanSection> childSections(String ref) {
        return sections.stream().filter(s -> ref.equals(s.parent())).toList();
    }

    public Optional<Industry> industry(String code) {
        return industries.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public List<Industry> rootIndustries() {
        return industries.stream().filter(Industry::isRoot).toList();
    }

    public List<Industry> childIndustries(String code) {
        return industries.stream().filter(i -> code.equals(i.parent())).toList();
    }

    /** Every industry below {@code code}, depth first in file order, excluding {@code code} itself. */
    public List<Industry> descendants(String code) {
        List<Industry> out = new ArrayList<>();
        for (Industry child : childIndustries(code)) {
            out.add(child);
            out.addAll(descendants(child.code()));
        }
        return out;
    }

    /** The chain from {@code code}'s parent up to its root; empty for a root or an unknown code. */
    public List<Industry> ancestors(String code) {
        List<Industry> out = new ArrayList<>();
        Optional<Industry> current = industry(code);
        while (current.isPresent() && current.get().parent() != null) {
            current = industry(current.get().parent());
            current.ifPresent(out::add);
        }
        return out;
    }

    /** True when {@code code} is {@code ancestor} or lies below it. */
    public boolean isWithin(String code, String ancestor) {
        return code.equals(ancestor) || ancestors(code).stream().anyMatch(i -> i.code().equals(ancestor));
    }

    /** The industries whose naming section is {@code ref}. */
    public List<Industry> industriesNamedIn(String ref) {
        return industries.stream().filter(i -> ref.equals(i.ref())).toList();
    }

    public Optional<Zone> zone(String code) {
        return zones.stream().filter(z -> z.code().equals(code)).findFirst();
    }

    public Optional<Zone> zoneByRef(String ref) {
        return zones.stream().filter(z -> z.ref().equals(ref)).findFirst();
    }

    public Optional<Belt> belt(String code) {
        return belts.stream().filter(b -> b.code().equals(code)).findFirst();
    }

    /** The belts that list {@code zoneCode} (a zone can sit on the axis and a wing). */
    public List<Belt> beltsOf(String zoneCode) {
        return belts.stream().filter(b -> b.zones().contains(zoneCode)).toList();
    }

    public Optional<HqKind> hqKind(String ref) {
        return hqKinds.stream().filter(h -> h.ref().equals(ref)).findFirst();
    }

    public Optional<Target> target(String code) {
        return targets.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public List<Target> targetsCiting(String ref) {
        return targets.stream().filter(t -> t.ref().equals(ref)).toList();
    }

    public Optional<RankingList> rankingList(String code) {
        return rankingLists.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    public Optional<Indicator> indicator(int number) {
        return indicators.stream().filter(i -> i.number() == number).findFirst();
    }
}
