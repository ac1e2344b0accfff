package io.investcrm.company;

/**
 * Where an entity stands in its group: global HQ → regional HQ → local entity, and for professional networks
 * network → Hong Kong firm → Shenzhen office.
 */
public enum EntityRole {
    STANDALONE, GLOBAL_HQ, REGIONAL_HQ, LOCAL_ENTITY, NETWORK, HK_FIRM, SZ_OFFICE
}
