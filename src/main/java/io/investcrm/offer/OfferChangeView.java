package io.investcrm.offer;

/** One term changed by an edit or between two submissions: its name, the value before and after. */
public record OfferChangeView(String field, String before, String after) {
}
