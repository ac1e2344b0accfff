package io.investcrm.matching.engine;

import io.investcrm.plan.model.PresenceKind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the engine knows about a firm: industry codes of the plan's taxonomy, free-text business activities (any mix
 * of Chinese and English), the presence it seeks, its ranking memberships, the floor space it needs and the zone it
 * prefers. Every part may be missing.
 */
public record MatchProfile(List<String> industryCodes, List<String> activities, PresenceKind presenceKind,
                           List<RankingMembership> rankings, Double spaceNeedM2, String preferredZone) {

    /** Where {@link #activitiesOf} cuts a description (compiled once: every profile built goes through it). */
    private static final Pattern CLAUSE_BREAKS = Pattern.compile("[。；;\\n]+");

    public MatchProfile {
        industryCodes = clean(industryCodes);
        activities = clean(activities);
        rankings = rankings == null ? List.of() : rankings.stream().filter(r -> r != null).toList();
        preferredZone = preferredZone == null || preferredZone.isBlank() ? null : preferredZone.trim();
    }

    public static MatchProfile empty() {
        return new MatchProfile(List.of(), List.of(), null, List.of(), null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A free-text description cut into the phrases matched one by one: sentences and clauses (。；; line breaks),
     * not at 、 or commas, so that a clause like 法律、行政法规规定的项目除外 stays whole and is recognised as
     * boilerplate.
     */
    public static List<String> activitiesOf(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(CLAUSE_BREAKS.split(text)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** True when nothing in the profile can match anything. */
    public boolean isEmpty() {
        return industryCodes.isEmpty() && activities.isEmpty() && presenceKind == null && rankings.isEmpty()
                && preferredZone == null;
    }

    private static List<String> clean(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
    }

    /** Builds a profile step by step (tests, imports). */
    public static final class Builder {
        private final List<String> industries = new ArrayList<>();
        private final List<String> activities = new ArrayList<>();
        private final List<RankingMembership> rankings = new ArrayList<>();
        private PresenceKind presence;
        private Double spaceNeedM2;
        private String preferredZone;

        public Builder industry(String... codes) {
            industries.addAll(List.of(codes));
            return this;
        }

        public Builder activity(String... texts) {
            activities.addAll(List.of(texts));
            return this;
        }

        public Builder presence(PresenceKind kind) {
            this.presence = kind;
            return this;
        }

        public Builder ranking(RankingMembership membership) {
            rankings.add(membership);
            return this;
        }

        public Builder spaceNeedM2(Double m2) {
            this.spaceNeedM2 = m2;
            return this;
        }

        public Builder preferredZone(String zoneCode) {
            this.preferredZone = zoneCode;
            return this;
        }

        public MatchProfile build() {
            return new MatchProfile(industries, activities, presence, rankings, spaceNeedM2, preferredZone);
        }
    }
}
