package io.investcrm.pipeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The pipeline's business settings; defaults here, overridable per district in application.properties. */
@ConfigMapping(prefix = "investcrm.pipeline")
public interface PipelineConfig {

    /** An owned prospect without any activity for this many days returns to the shared pool. */
    @WithDefault("30")
    int reclaimDays();

    /** Days without progress from which a prospect shows yellow. */
    @WithDefault("14")
    int staleYellowDays();

    /** Days without progress from which a prospect shows red. */
    @WithDefault("30")
    int staleRedDays();

    /** A follow-up overdue by this many days is escalated to the responsible leader. */
    @WithDefault("3")
    int escalationDays();

    /** Default landing probability (percent) per stage, in stage order LEAD … LANDED. */
    @WithDefault("5,10,20,40,60,90,100")
    java.util.List<Integer> stageProbabilities();

    /**
     * A pursuit's landing probability as the figures count it: its override, else its stage's default (a stage beyond
     * a shorter configured list takes the last one).
     */
    default int probability(Stage stage, Integer override) {
        if (override != null) {
            return override;
        }
        java.util.List<Integer> defaults = stageProbabilities();
        return defaults.get(Math.min(stage.ordinal(), defaults.size() - 1));
    }
}
