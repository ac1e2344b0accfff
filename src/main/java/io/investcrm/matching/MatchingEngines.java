package io.investcrm.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.investcrm.matching.engine.MatchingEngine;
import io.investcrm.plan.PlanService;

/**
 * The matching engine of the active plan version, built once per version (its keyword trie and Chinese segmenter
 * take about a second) and rebuilt when another version becomes active: it follows {@link PlanService#active()}.
 */
@ApplicationScoped
public class MatchingEngines {

    /** The engine and the plan version it was built for. */
    public record Versioned(long versionId, MatchingEngine engine) {
    }

    @Inject
    PlanService plan;

    @Inject
    MatchingConfig config;

    private volatile Versioned current;

    public Versioned active() {
        PlanService.Loaded loaded = plan.active();
        Versioned v = current;
        if (v == null || v.versionId() != loaded.versionId()) {
            synchronized (this) {
                v = current;
                if (v == null || v.versionId() != loaded.versionId()) {
                    v = new Versioned(loaded.versionId(), new MatchingEngine(loaded.document(), config.weights()));
                    current = v;
                }
            }
        }
        return v;
    }

    public MatchingEngine engine() {
        return active().engine();
    }
}
