package io.investcrm.offer.space;

import java.math.BigDecimal;

/** A building of the inventory as clients see it, with its held, committed and free area. */
public record BuildingView(Long id, int version, String zoneCode, String name, String address, OwnerType ownerType,
        String grade, BigDecimal totalAreaSqm, BigDecimal vacantAreaSqm, BigDecimal heldAreaSqm,
        BigDecimal committedAreaSqm, BigDecimal freeAreaSqm, Integer floors, Integer units,
        BigDecimal listedRentPerSqmMonth, String industries) {

    static BuildingView from(SpaceBuilding b) {
        return new BuildingView(b.id, b.version, b.zoneCode, b.name, b.address, b.ownerType, b.grade, b.totalAreaSqm,
                b.vacantAreaSqm, b.heldAreaSqm, b.committedAreaSqm, b.freeAreaSqm(), b.floors, b.units,
                b.listedRentPerSqmMonth, b.industries);
    }
}
