package io.investcrm.plan.model;

/** A list a firm can belong to; {@code scope} is null for lists that are not tied to one market. */
public record RankingList(String code, RankingScope scope, LocalizedText name) {
}
