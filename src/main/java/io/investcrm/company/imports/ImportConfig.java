package io.investcrm.company.imports;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long an upload is kept (issue 13: bounded retention of files that may hold personal data). */
@ConfigMapping(prefix = "investcrm.imports")
public interface ImportConfig {

    /** A checked upload not confirmed within this time is abandoned and its file dropped. */
    @WithDefault("PT24H")
    Duration keepUnconfirmed();
}
