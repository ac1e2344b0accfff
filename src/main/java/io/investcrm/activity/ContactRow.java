package io.investcrm.activity;

/** A contact as the visit form lists it: id, masked name and title (never the clear-text name). */
public record ContactRow(long id, String maskedName, String title) {
}
