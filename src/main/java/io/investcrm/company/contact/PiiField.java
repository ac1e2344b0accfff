package io.investcrm.company.contact;

/** The encrypted fields of a contact, as named in reveal requests and audit rows. */
public enum PiiField {
    NAME, PHONE, EMAIL, WECHAT
}
