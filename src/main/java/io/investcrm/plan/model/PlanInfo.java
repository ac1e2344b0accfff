package io.investcrm.plan.model;

import java.util.Objects;

/** The plan's identity: a stable code, the version of the data, the region and the horizon year. */
public record PlanInfo(String code, String version, LocalizedText region, LocalizedText title, int horizon,
                       Integer baselineYear, String source) {

    public PlanInfo {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
    }
}
