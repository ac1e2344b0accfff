package io.investcrm.company.contact;

/** A contact as a card: masked data, and whether this reader may reveal it. */
public record ContactCard(ContactView contact, boolean mayReveal) {
}
