package io.investcrm.activity;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The activity log's business settings; defaults here, overridable in application.properties. */
@ConfigMapping(prefix = "investcrm.activity")
public interface ActivityConfig {

    /**
     * How long after logging an activity may still be deleted (a mistaken entry); afterwards it is only corrected,
     * so that the pursuit's history stays whole (issue 15).
     */
    @WithDefault("PT24H")
    Duration deleteGrace();
}
