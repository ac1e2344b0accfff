package io.investcrm.matching;

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

    default MatchWeights weights() {
        return new MatchWeights(declaredIndustry(), keywordIndustry(), broaderMatch(), narrowerMatch(), hqSector(),
                hqPresence(), hqRanking(), zoneIndustry(), zonePresence(), zonePreferred(), zoneBreadth(), sameBelt(),
                targetRanking(), targetField(), minScore());
    }
}
