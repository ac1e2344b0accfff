package io.investcrm.offer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Every 15 minutes: expire offers whose hold or letter ran out (releasing space and budget), then escalate decisions
 * pending past their service time. Each item is claimed by a conditional change, so replicas do not repeat it.
 */
@ApplicationScoped
public class OfferJobs {

    private static final Logger LOG = Logger.getLogger(OfferJobs.class);

    @Inject
    OfferService offers;

    @Inject
    OfferNotifier notifier;

    @Scheduled(every = "${investcrm.jobs.offers-every:15m}", delayed = "${investcrm.jobs.offers-delayed:7m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int[] done = runOnce();
        if (done[0] + done[1] > 0) {
            LOG.infof("offers: %d expired, %d decisions escalated", done[0], done[1]);
        }
    }

    /** One pass: {expired, escalated}. */
    @ActivateRequestContext
    public int[] runOnce() {
        int expired = 0;
        for (Long id : offers.dueToExpire()) {
            if (offers.expire(id)) {
                expired++;
            }
        }
        int escalated = 0;
        for (Long id : notifier.overdueSteps()) {
            if (notifier.escalate(id)) {
                escalated++;
            }
        }
        return new int[] { expired, escalated };
    }
}
