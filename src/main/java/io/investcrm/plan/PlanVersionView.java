package io.investcrm.plan;

import java.time.LocalDateTime;

/** A plan version as clients see it (without its text). */
public record PlanVersionView(Long id, String planCode, String versionLabel, String titleZh, String titleEn,
        String sha256, boolean active, LocalDateTime loadedAt, String loadedBy) {

    static PlanVersionView from(PlanVersion v) {
        return new PlanVersionView(v.id, v.planCode, v.versionLabel, v.titleZh, v.titleEn, v.sourceSha256, v.active,
                v.loadedAt, v.loadedBy);
    }
}
