package io.investcrm.matching;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the stored scores of the active plan version complete: rebuilds them in the background when a version is
 * new to them (at start-up, or within a minute of another version's activation — {@code MatchingEngines} follows
 * the plan), and sweeps company changes into them every few seconds (reads sweep first too).
 */
@ApplicationScoped
public class MatchRebuilder {

    private static final Logger LOG = Logger.getLogger(MatchRebuilder.class);

    @Inject
    MatchingEngines engines;

    @Inject
    MatchStore store;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "match-rebuild");
        t.setDaemon(true);
        return t;
    });

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        // after the plan is loaded (a later priority than PlanService's), off the main thread: the engine's
        // segmenter loads its dictionaries here, not on the way to readiness
        worker.submit(this::ensureCurrent);
    }

    @Scheduled(every = "${investcrm.matching.sweep-every:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        ensureCurrent();
    }

    /** Starts the rebuild of the active version when nobody has, otherwise sweeps the changes into it. */
    void ensureCurrent() {
        try {
            MatchingEngines.Versioned v = engines.active();
            if (store.state(v.versionId()) == null) {
                if (store.claimRebuild(v.versionId())) {
                    rebuild(v);
                }
            } else {
                while (store.sweep(v.versionId(), v.engine()) == MatchStore.BATCH) {
                    // a burst of changes (an import): keep going until caught up
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Matching scores not brought up to date; will retry", e);
        }
    }

    private void rebuild(MatchingEngines.Versioned v) {
        long started = System.nanoTime();
        long after = 0;
        while ((after = store.rebuildBatch(v.versionId(), v.engine(), after)) >= 0) {
            // one batch per transaction; progress is in company_match_state
        }
        store.finishRebuild(v.versionId());
        LOG.infof("Matching scores of plan version %d rebuilt in %d ms", v.versionId(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
