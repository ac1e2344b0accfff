package io.investcrm.plan.model;

import java.util.List;
import java.util.Map;

/** The shape of a plan YAML file as written; {@link PlanParser} turns it into the model records. */
final class PlanYaml {

    private PlanYaml() {
    }

    record Document(Info plan, List<Section> sections, List<RankingListEntry> rankingLists, List<HqKindEntry> hqKinds,
                    List<IndustryEntry> industries, List<BeltEntry> belts, List<ZoneEntry> zones,
                    List<TargetEntry> targets, List<IndicatorEntry> indicators) {
    }

    record Text(String zh, String en) {
    }

    record Info(String code, String version, Text region, String zh, String en, Integer horizon,
                Integer baselineYear, String source) {
    }

    record Section(String ref, String parent, SectionKind kind, String zh, String en) {
    }

    record RankingListEntry(String code, RankingScope scope, String zh, String en) {
    }

    record Term(String industry, String term, String ref, String area) {
    }

    record Presence(PresenceKind kind, String term) {
    }

    record ListEntry(String list, String term) {
    }

    record HqKindEntry(String ref, String zh, String en, List<Term> sectors, List<Presence> presence,
                       List<ListEntry> lists) {
    }

    record IndustryEntry(String code, String ref, IndustryKind kind, String zh, String en, List<String> keywords,
                         List<String> gbt4754, List<String> related, List<IndustryEntry> children) {
    }

    record BeltEntry(String code, String ref, String zh, String en, String term, List<String> zones,
                     List<Text> places) {
    }

    record ZoneEntry(String code, String ref, String zh, String en, String belt, Boolean engine,
                     List<Text> functions, List<Presence> presence, List<Term> priorities, List<AreaEntry> areas) {
    }

    record AreaEntry(String code, String zh, String en, List<String> places) {
    }

    record Tier(RankingScope scope, Integer maxRank, String zh, String en) {
    }

    record YearValue(Integer year, String value) {
    }

    record TargetEntry(String code, String ref, TargetKind kind, String zh, String en, Integer count,
                       String countText, Text horizon, Integer year, Text unit, Integer indicator,
                       YearValue baseline, Map<Integer, String> milestones, Text note, TargetRule rule,
                       List<Tier> tiers, List<Term> fields, List<String> lists, List<PresenceKind> presence) {
    }

    record IndicatorEntry(Integer number, String ref, Text dimension, String zh, String en, Text unit,
                          YearValue actual, Map<Integer, String> targets) {
    }
}
