package io.investcrm.company.ranking;

import java.time.LocalDateTime;
import java.util.Map;

import io.investcrm.plan.model.RankingScope;

/**
 * A list with its entries counted by link status and by how far the office got with its firms:
 * UNTOUCHED, CONTACTED, PIPELINE, LANDED (see {@link io.investcrm.company.Pursuits.Coverage}).
 */
public record RankingView(long id, int version, String code, int year, String nameZh, String nameEn, RankingScope scope,
        String fieldCode, String source, long entries, Map<String, Long> links, Map<String, Long> coverage,
        LocalDateTime createdAt, String createdBy) {
}
