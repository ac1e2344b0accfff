package io.investcrm.company.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.investcrm.core.AppClock;
import io.quarkus.scheduler.Scheduled;

/** Every hour: uploads checked but not confirmed within {@code investcrm.imports.keep-unconfirmed} are abandoned. */
@ApplicationScoped
public class ImportRetentionJob {

    private static final Logger LOG = Logger.getLogger(ImportRetentionJob.class);

    @Inject
    ImportService imports;

    @Inject
    ImportConfig config;

    @Inject
    AppClock clock;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int abandoned = imports.abandonUnconfirmed(clock.now().minus(config.keepUnconfirmed()));
        if (abandoned > 0) {
            LOG.infof("Abandoned %d unconfirmed import(s) and dropped their files", abandoned);
        }
    }
}
