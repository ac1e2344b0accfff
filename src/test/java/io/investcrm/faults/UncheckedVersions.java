package io.investcrm.faults;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.transaction.Transactional;

import io.investcrm.company.Company;
import io.investcrm.company.CompanyForm;
import io.investcrm.company.CompanyService;
import io.investcrm.company.CompanyView;
import io.investcrm.offer.Offer;
import io.investcrm.offer.OfferForm;
import io.investcrm.offer.OfferService;
import io.investcrm.offer.OfferView;
import io.investcrm.pipeline.Prospect;
import io.investcrm.pipeline.ProspectForms;
import io.investcrm.pipeline.ProspectService;
import io.investcrm.pipeline.ProspectView;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Test beans that switch optimistic locking off for {@link LostUpdateLockingOffTest}: each edit is applied with the
 * record's current version instead of the one the client read (the entity's {@code @Version} then only guards the
 * instant of the write itself). Built only when {@value #SWITCH} is {@code off}.
 */
final class UncheckedVersions {

    static final String SWITCH = "investcrm.test.optimistic-locking";

    private UncheckedVersions() {
    }

    @Alternative
    @Priority(1)
    @ApplicationScoped
    @IfBuildProperty(name = SWITCH, stringValue = "off")
    static class Companies extends CompanyService {
        @Override
        @Transactional
        public CompanyView update(long id, CompanyForm f) {
            Company c = Company.findById(id);
            return super.update(id, new CompanyForm(f.nameZh(), f.nameEn(), f.nameTc(), f.creditCode(), f.hkCompanyNo(), f.lei(),
                    f.hqCountry(), f.hqCity(), f.entityRole(), f.parentId(), f.presenceSought(), f.businessActivities(),
                    f.industries(), f.revenueCnyM(), f.headcount(), f.spaceNeedSqm(), f.preferredZone(), f.website(), c.version));
        }
    }

    @Alternative
    @Priority(1)
    @ApplicationScoped
    @IfBuildProperty(name = SWITCH, stringValue = "off")
    static class Offers extends OfferService {
        @Override
        @Transactional
        public OfferView update(long id, OfferForm f) {
            Offer o = Offer.findById(id);
            return super.update(id, new OfferForm(f.companyId(), f.kind(), f.title(), f.zoneCode(), f.building(), f.floorAreaSqm(),
                    f.rentPerSqmMonth(), f.rentFreeMonths(), f.subsidyAmountCny(), f.policyBasis(), f.termMonths(), f.conditions(),
                    o.version));
        }
    }

    @Alternative
    @Priority(1)
    @ApplicationScoped
    @IfBuildProperty(name = SWITCH, stringValue = "off")
    static class Prospects extends ProspectService {
        @Override
        @Transactional
        public ProspectView updateDetails(long id, ProspectForms.Details f) {
            Prospect p = Prospect.findById(id);
            return super.updateDetails(id, new ProspectForms.Details(f.probability(), f.expectedLandingDate(), f.leader(),
                    f.confidential(), p.version));
        }
    }
}
