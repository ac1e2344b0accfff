package io.investcrm.matching.engine;

/**
 * The knobs of the scoring; {@link #defaults()} is the only place with numbers, the application fills the rest from
 * its configuration. Factors are in [0, 1]; component weights are relative (only their ratios matter).
 *
 * @param declaredIndustry strength of an industry the officer chose from the taxonomy
 * @param keywordIndustry  strength of an industry inferred from a keyword in the activities
 * @param broaderMatch     factor per level when the plan names a broader industry than the firm's
 * @param narrowerMatch    factor per level when the plan names a narrower industry than the firm's
 * @param hqSector         weight of the sector fit in an HQ-kind score (五(一))
 * @param hqPresence       weight of the presence kind in an HQ-kind score
 * @param hqRanking        weight of a ranking list the HQ kind names (counted only when it names lists)
 * @param zoneIndustry     weight of the industry fit in a zone score (六(二))
 * @param zonePresence     weight of the presence kind in a zone score (counted when the firm states one)
 * @param zonePreferred    weight of the firm's preferred zone in a zone score (counted when it states one)
 * @param zoneBreadth      share of each further priority industry a zone names for the firm, added to the best one
 * @param sameBelt         share of the preferred-zone credit for a zone on the same axis or wing (六(一))
 * @param targetRanking    factor of a target reached through a qualifying ranking (专栏9, 专栏10, F500)
 * @param targetField      factor of a target reached by being in its field (专栏1 #10)
 * @param minScore         results scoring below this (0–100) are left out
 */
public record MatchWeights(double declaredIndustry, double keywordIndustry, double broaderMatch,
                           double narrowerMatch, double hqSector, double hqPresence, double hqRanking,
                           double zoneIndustry, double zonePresence, double zonePreferred, double zoneBreadth,
                           double sameBelt, double targetRanking, double targetField, double minScore) {

    public MatchWeights {
        factor("declaredIndustry", declaredIndustry);
        factor("keywordIndustry", keywordIndustry);
        factor("broaderMatch", broaderMatch);
        factor("narrowerMatch", narrowerMatch);
        factor("zoneBreadth", zoneBreadth);
        factor("sameBelt", sameBelt);
        factor("targetRanking", targetRanking);
        factor("targetField", targetField);
        weight("hqSector", hqSector);
        weight("hqPresence", hqPresence);
        weight("hqRanking", hqRanking);
        weight("zoneIndustry", zoneIndustry);
        weight("zonePresence", zonePresence);
        weight("zonePreferred", zonePreferred);
        if (hqSector <= 0 || zoneIndustry <= 0) {
            throw new IllegalArgumentException("hqSector and zoneIndustry must be positive");
        }
        if (!(minScore >= 0 && minScore <= 100)) {
            throw new IllegalArgumentException("minScore must be within [0, 100]: " + minScore);
        }
    }

    public static MatchWeights defaults() {
        return new MatchWeights(1.0, 0.8, 0.85, 0.6, 0.5, 0.25, 0.25, 0.7, 0.1, 0.15, 0.1, 0.4, 1.0, 0.9, 15);
    }

    private static void factor(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1]: " + value);
        }
    }

    private static void weight(String name, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be a finite non-negative number: " + value);
        }
    }
}
