package io.investcrm.matching;

import java.io.IOException;
import java.net.InetAddress;
import java.util.UUID;
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
 * the plan), resumes a rebuild another instance left unfinished, and sweeps into them every few seconds the company
 * changes that did not re-score themselves.
 */
@ApplicationScoped
public class MatchRebuilder {

    private static final Logger LOG = Logger.getLogger(MatchRebuilder.class);

    @Inject
    MatchingEngines engines;

    @Inject
    MatchStore store;

    @Inject
    MatchingConfig config;

    private final String instance = hostName() + "/" + UUID.randomUUID();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "match-rebuild");
        t.setDaemon(true);
        return t;
    });

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        // after the plan is loaded (a later priority than PlanService's), off the main thread: the engine's
        // segmenter loads its dictionaries here, not on the way to readiness
        worker.submit(() -> {
            try {
                if (store.useGapThreshold(config.gapThreshold())) {
                    LOG.infof("Gap view threshold changed to %.2f: figures recounted", config.gapThreshold());
                }
            } catch (RuntimeException e) {
                LOG.warn("Gap view threshold not applied; will retry at the next start", e);
            }
            ensureCurrent();
        });
    }

    @Scheduled(every = "${investcrm.matching.sweep-every:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        ensureCurrent();
    }

    /**
     * Starts the rebuild of the active version when nobody has, takes over one whose instance stopped proving it is
     * alive (killed part-way: it would otherwise stay REBUILDING for ever), then sweeps the changes into it.
     */
    void ensureCurrent() {
        try {
            MatchingEngines.Versioned v = engines.active();
            MatchStateView state = store.state(v.versionId());
            if (state == null) {
                if (store.claimRebuild(v.versionId(), instance)) {
                    rebuild(v, 0);
                }
            } else if ("REBUILDING".equals(state.state())) {
                long after = store.takeOverRebuild(v.versionId(), instance, config.rebuildStaleAfter());
                if (after >= 0) {
                    LOG.infof("Taking over the unfinished rebuild of plan version %d after company %d", v.versionId(), after);
                    rebuild(v, after);
                }
            }
            while (store.sweep(v.versionId(), v.engine()) == MatchStore.BATCH) {
                // a burst of changes (an import): keep going until caught up
            }
        } catch (MatchStore.RebuildLost e) {
            LOG.info(e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Matching scores not brought up to date; will retry", e);
        }
    }

    /** This instance's name in {@code company_match_state.claimed_by}. */
    String instance() {
        return instance;
    }

    private void rebuild(MatchingEngines.Versioned v, long from) {
        long started = System.nanoTime();
        long after = from;
        while ((after = store.rebuildBatch(v.versionId(), v.engine(), after, instance)) >= 0) {
            // one batch per transaction; progress, heartbeat and where to resume are in company_match_state
        }
        store.finishRebuild(v.versionId(), instance);
        LOG.infof("Matching scores of plan version %d rebuilt in %d ms", v.versionId(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
