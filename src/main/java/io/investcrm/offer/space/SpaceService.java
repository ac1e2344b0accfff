package io.investcrm.offer.space;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.investcrm.audit.AuditService;
import io.investcrm.plan.PlanService;
import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.core.Invalid;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.web.FormValidator;

/**
 * The space inventory (载体, plan 七(一)1): admins keep the buildings; offers hold, commit and release their area.
 * Every change of held or committed area is one conditional UPDATE whose WHERE clause states the rule (never more
 * than the vacant area), and whose row count says whether it held: no lock, no over-allocation under concurrency.
 */
@ApplicationScoped
public class SpaceService {

    public static final String AUDIT_TYPE = "space_building";

    @Inject
    EntityManager em;

    @Inject
    PlanService plan;

    @Inject
    AppClock clock;

    @Inject
    AuditService audit;

    @Inject
    FormValidator validator;

    public List<BuildingView> list(String zoneCode) {
        List<SpaceBuilding> rows = zoneCode == null || zoneCode.isBlank()
                ? SpaceBuilding.list("order by zoneCode, name")
                : SpaceBuilding.list("zoneCode = ?1 order by name", zoneCode.trim());
        return rows.stream().map(BuildingView::from).toList();
    }

    /** Buildings with free area in these zones, most free first (the zone page and a company's matches). */
    public List<BuildingView> availableIn(Collection<String> zoneCodes) {
        if (zoneCodes.isEmpty()) {
            return List.of();
        }
        List<SpaceBuilding> rows = SpaceBuilding.list(
                "zoneCode in ?1 and vacantAreaSqm - heldAreaSqm - committedAreaSqm > 0 "
                        + "order by (vacantAreaSqm - heldAreaSqm - committedAreaSqm) desc, name",
                List.copyOf(zoneCodes));
        return rows.stream().map(BuildingView::from).toList();
    }

    public BuildingView get(long id) {
        return BuildingView.from(find(id));
    }

    public SpaceBuilding find(long id) {
        SpaceBuilding b = SpaceBuilding.findById(id);
        if (b == null) {
            throw DomainException.notFound("space.building", id);
        }
        return b;
    }

    @Transactional
    public BuildingView create(BuildingForm form) {
        validator.validate(require(form), errors(form));
        if (SpaceBuilding.count("zoneCode = ?1 and name = ?2", form.zoneCode().trim(), form.name().trim()) > 0) {
            throw DomainException.conflict("space.building.duplicate");
        }
        SpaceBuilding b = new SpaceBuilding();
        apply(b, form);
        b.createdAt = clock.now();
        b.updatedAt = b.createdAt;
        b.persist();
        em.flush();
        em.refresh(b);
        audit.record(AUDIT_TYPE, b.id, "create", b.name);
        return BuildingView.from(b);
    }

    /**
     * New facts for a building; send the version you read. The vacant area may not drop below what offers hold and
     * have committed (409 space.below-promised): one conditional UPDATE checks both, so a hold taken meanwhile counts.
     */
    @Transactional
    public BuildingView update(long id, BuildingForm form) {
        SpaceBuilding current = find(id);
        validator.validate(require(form), errors(form));
        if (form.version() == null) {
            throw DomainException.conflict("conflict.stale");
        }
        SpaceBuilding next = new SpaceBuilding();
        apply(next, form);
        int n = em.createNativeQuery("UPDATE space_building SET zone_code = ?1, name = ?2, address = ?3, owner_type = ?4,"
                + " grade = ?5, total_area_sqm = ?6, vacant_area_sqm = ?7, floors = ?8, units = ?9,"
                + " listed_rent_per_sqm_month = ?10, industries = ?11, updated_at = ?12, version = version + 1"
                + " WHERE id = ?13 AND version = ?14 AND held_area_sqm + committed_area_sqm <= ?7")
                .setParameter(1, next.zoneCode).setParameter(2, next.name).setParameter(3, next.address)
                .setParameter(4, next.ownerType.name()).setParameter(5, next.grade).setParameter(6, next.totalAreaSqm)
                .setParameter(7, next.vacantAreaSqm).setParameter(8, next.floors).setParameter(9, next.units)
                .setParameter(10, next.listedRentPerSqmMonth).setParameter(11, next.industries)
                .setParameter(12, clock.now()).setParameter(13, id).setParameter(14, form.version())
                .executeUpdate();
        if (n == 0) {
            em.refresh(current);
            if (current.version != form.version()) {
                throw DomainException.conflict("conflict.stale");
            }
            throw DomainException.conflict("space.below-promised", current.heldAreaSqm.add(current.committedAreaSqm).toPlainString());
        }
        audit.record(AUDIT_TYPE, id, "update", next.name);
        em.refresh(current);
        return BuildingView.from(current);
    }

    /**
     * Holds area for an offer being decided: succeeds only while the free area covers it (the WHERE clause), in the
     * caller's transaction. False: not enough free space, nothing changed.
     */
    public boolean hold(long buildingId, BigDecimal area) {
        return em.createNativeQuery("UPDATE space_building SET held_area_sqm = held_area_sqm + ?1, version = version + 1"
                + " WHERE id = ?2 AND vacant_area_sqm - held_area_sqm - committed_area_sqm >= ?1")
                .setParameter(1, area).setParameter(2, buildingId).executeUpdate() == 1;
    }

    /** An approved offer's hold becomes a commitment. */
    public void commit(long buildingId, BigDecimal area) {
        expectOne(em.createNativeQuery("UPDATE space_building SET held_area_sqm = held_area_sqm - ?1,"
                + " committed_area_sqm = committed_area_sqm + ?1, version = version + 1"
                + " WHERE id = ?2 AND held_area_sqm >= ?1")
                .setParameter(1, area).setParameter(2, buildingId).executeUpdate());
    }

    /** Gives back a hold (rejected, recalled, returned, withdrawn, expired undecided). */
    public void releaseHold(long buildingId, BigDecimal area) {
        expectOne(em.createNativeQuery("UPDATE space_building SET held_area_sqm = held_area_sqm - ?1, version = version + 1"
                + " WHERE id = ?2 AND held_area_sqm >= ?1")
                .setParameter(1, area).setParameter(2, buildingId).executeUpdate());
    }

    /** Gives back a commitment (declined, or expired unanswered). */
    public void releaseCommitment(long buildingId, BigDecimal area) {
        expectOne(em.createNativeQuery("UPDATE space_building SET committed_area_sqm = committed_area_sqm - ?1,"
                + " version = version + 1 WHERE id = ?2 AND committed_area_sqm >= ?1")
                .setParameter(1, area).setParameter(2, buildingId).executeUpdate());
    }

    /** Inserts or updates buildings by (zone, name), all or nothing: the importer's write. */
    @Transactional
    public int upsertAll(List<BuildingForm> rows) {
        int n = 0;
        for (BuildingForm f : rows) {
            SpaceBuilding b = SpaceBuilding.find("zoneCode = ?1 and name = ?2", f.zoneCode().trim(), f.name().trim())
                    .firstResult();
            if (b == null) {
                create(f);
            } else {
                update(b.id, new BuildingForm(f.zoneCode(), f.name(), f.address(), f.ownerType(), f.grade(),
                        f.totalAreaSqm(), f.vacantAreaSqm(), f.floors(), f.units(), f.listedRentPerSqmMonth(),
                        f.industries(), b.version));
            }
            n++;
        }
        return n;
    }

    /** The field errors of a form beyond its annotations (zone and industries from the plan, vacant ≤ total). */
    public List<FieldError> errors(BuildingForm f) {
        List<FieldError> errors = new ArrayList<>();
        if (f == null) {
            return errors;
        }
        if (f.zoneCode() != null && !f.zoneCode().isBlank() && !plan.zoneExists(f.zoneCode().trim())) {
            errors.add(new FieldError("zoneCode", "offer.zone.unknown", f.zoneCode()));
        }
        if (f.industries() != null) {
            for (String code : industryCodes(f.industries())) {
                if (!plan.industryExists(code)) {
                    errors.add(new FieldError("industries", "space.industry.unknown", code));
                }
            }
        }
        if (f.totalAreaSqm() != null && f.vacantAreaSqm() != null && f.vacantAreaSqm().compareTo(f.totalAreaSqm()) > 0) {
            errors.add(new FieldError("vacantAreaSqm", "space.vacant.exceeds-total"));
        }
        return errors;
    }

    static List<String> industryCodes(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("[,，;；\\s]+")).map(String::trim).filter(x -> !x.isEmpty())
                .distinct().toList();
    }

    private static void apply(SpaceBuilding b, BuildingForm f) {
        b.zoneCode = f.zoneCode().trim();
        b.name = f.name().trim();
        b.address = blank(f.address()) ? null : f.address().trim();
        b.ownerType = f.ownerType();
        b.grade = blank(f.grade()) ? null : f.grade().trim();
        b.totalAreaSqm = f.totalAreaSqm();
        b.vacantAreaSqm = f.vacantAreaSqm();
        b.floors = f.floors();
        b.units = f.units();
        b.listedRentPerSqmMonth = f.listedRentPerSqmMonth();
        List<String> codes = industryCodes(f.industries());
        b.industries = codes.isEmpty() ? null : String.join(",", codes);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void expectOne(int rows) {
        if (rows != 1) {
            // the offer's state says the area is held or committed: a mismatch is a bug, not a user's error
            throw new IllegalStateException("space inventory out of step with the offer");
        }
    }

    private static <T> T require(T form) {
        if (form == null) {
            throw Invalid.request("request.empty");
        }
        return form;
    }
}
