package io.investcrm.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Hourly: quiet prospects go back to the shared pool (safe on several replicas, see ProspectService). */
@ApplicationScoped
public class ReclaimJob {

    private static final Logger LOG = Logger.getLogger(ReclaimJob.class);

    @Inject
    ProspectService service;

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int n = service.reclaimQuiet();
        if (n > 0) {
            LOG.infof("%d quiet prospects returned to the shared pool", n);
        }
    }
}
