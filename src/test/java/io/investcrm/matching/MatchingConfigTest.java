package io.investcrm.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.investcrm.matching.engine.MatchWeights;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/** The weights in configuration start from the engine's documented defaults and are really read from config. */
class MatchingConfigTest {

    static MatchingConfig config(java.util.Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(MatchingConfig.class)
                .withSources(new MapBackedConfigSource("test", values) {
                }).build();
        return config.getConfigMapping(MatchingConfig.class);
    }

    @Test
    void defaultsAreTheEnginesDefaults() {
        assertEquals(MatchWeights.defaults(), config(java.util.Map.of()).weights());
    }

    @Test
    void aConfiguredWeightReplacesTheDefault() {
        MatchWeights w = config(java.util.Map.of("investcrm.matching.zone-preferred", "0.3")).weights();
        assertEquals(0.3, w.zonePreferred());
        assertEquals(MatchWeights.defaults().zoneIndustry(), w.zoneIndustry());
    }

    @Test
    void anOutOfRangeWeightIsRefused() {
        MatchingConfig c = config(java.util.Map.of("investcrm.matching.broader-match", "1.5"));
        assertThrows(IllegalArgumentException.class, c::weights);
    }
}
