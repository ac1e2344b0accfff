package io.investcrm.plan;

import io.investcrm.offer.OfferStatus;

/**
 * Test-only and deliberately wrong: a plan class that reaches up into offers. {@code ArchitectureTest} shows that the
 * layering and cycle rules catch it; the application's own classes are checked without it.
 */
final class BackImportExample {

    OfferStatus upward() {
        return OfferStatus.DRAFT;
    }
}
