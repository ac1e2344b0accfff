package io.investcrm.matching;

import java.time.Duration;

import io.investcrm.matching.engine.MatchWeights;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The matching weights, in configuration so the office can tune them without a release
 * ({@code investcrm.matching.*}); the defaults are {@link MatchWeights#defaults()}.
 */
@ConfigMapping(prefix = "investcrm.matching")
public interface MatchingConfig {

    @WithDefault("1.0")
    double declaredIndustry();

    @WithDefault("0.8")
    double keywordIndustry();

    @WithDefault("0.85")
    double broaderMatch();

    @WithDefault("0.6")
    double narrowerMatch();

    @WithDefault("0.5")
    double hqSector();

    @WithDefault("0.25")
    double hqPresence();

    @WithDefault("0.25")
    double hqRanking();

    @WithDefault("0.7")
    double zoneIndustry();

    @WithDefault("0.1")
    double zonePresence();

    @WithDefault("0.15")
    double zonePreferred();

    @WithDefault("0.1")
    double zoneBreadth();

    @WithDefault("0.4")
    double sameBelt();

    @WithDefault("1.0")
    double targetRanking();

    @WithDefault("0.9")
    double targetField();

    @WithDefault("15")
    double minScore();

    /** How often company changes that did not re-score themselves are swept into the stored scores. */
    @WithDefault("10s")
    String sweepEvery();

    /** A company counts as "fitting" a priority from this score on (0–100), for the gap view. */
    @WithDefault("50")
    double gapThreshold();

    /** A priority with at most this many prospects in the pipeline is shown as a gap. */
    @WithDefault("2")
    int gapMaxProspects();

    /** A rebuild whose heartbeat (one per batch) is older than this is taken over: its instance is gone. */
    @WithDefault("PT2M")
    Duration rebuildStaleAfter();

    default MatchWeights weights() {
        return new MatchWeights(declaredIndustry(), keywordIndustry(), broaderMatch(), narrowerMatch(), hqSector(),
                hqPresence(), hqRanking(), zoneIndustry(), zonePresence(), zonePreferred(), zoneBreadth(), sameBelt(),
                targetRanking(), targetField(), minScore());
    }
}
