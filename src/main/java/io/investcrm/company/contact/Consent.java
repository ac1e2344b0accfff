package io.investcrm.company.contact;

/**
 * The legal basis on which the office holds a contact's data (PIPL art. 13): the person agreed, the data was made
 * public by the person (e.g. a firm's website), consent still to be asked, or consent withdrawn (erase on request).
 */
public enum Consent {
    GRANTED, PUBLIC, PENDING, WITHDRAWN
}
