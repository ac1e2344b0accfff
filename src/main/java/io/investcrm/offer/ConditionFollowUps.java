package io.investcrm.offer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.investcrm.activity.ActivityService;
import io.investcrm.audit.AuditService;
import io.investcrm.pipeline.LandingVerified;
import io.investcrm.pipeline.Prospect;
import io.investcrm.web.Messages;

/**
 * Issue 11 (plan 八(二)): once the firm has landed, each check date of an accepted subsidy's conditions (minimum local
 * tax, headcount, years of stay) becomes a follow-up for the pursuit's owner, once per offer ({@code follow_ups_made}).
 * The landing's verification announces it ({@link LandingVerified}, same transaction); an acceptance recorded after the
 * landing was verified makes them there and then.
 */
@ApplicationScoped
public class ConditionFollowUps {

    @Inject
    ActivityService activities;

    @Inject
    AuditService audit;

    void onLandingVerified(@Observes LandingVerified landing) {
        LocalDate landedOn = landing.landedOn() != null ? landing.landedOn() : landing.verifiedAt().toLocalDate();
        for (Offer o : Offer.<Offer>list("companyId = ?1 and kind = ?2 and status = ?3 and followUpsMade = false order by id",
                landing.companyId(), OfferKind.SUBSIDY, OfferStatus.ACCEPTED)) {
            make(o, landedOn, landing.owner(), landing.verifiedBy());
        }
    }

    /** After the company accepted: if its landing is verified already, the follow-ups are made now. */
    void afterAcceptance(Offer o, String actor) {
        if (o.kind != OfferKind.SUBSIDY || o.status != OfferStatus.ACCEPTED || o.followUpsMade) {
            return;
        }
        Prospect p = Prospect.<Prospect>find("companyId", o.companyId).firstResult();
        if (p == null || p.landingVerifiedAt == null) {
            return;
        }
        make(o, p.registeredOn != null ? p.registeredOn : p.landingVerifiedAt.toLocalDate(), p.owner(), actor);
    }

    private void make(Offer o, LocalDate landedOn, String pursuitOwner, String actor) {
        Map<LocalDate, List<String>> dates = checkDates(o, landedOn);
        if (dates.isEmpty()) {
            return;
        }
        String assignee = pursuitOwner != null ? pursuitOwner : o.owner;
        int year = 0;
        for (Map.Entry<LocalDate, List<String>> d : dates.entrySet()) {
            year++;
            // stored text, read in the office's language (zh-CN) like the rest of the follow-ups
            String title = Messages.format(Messages.ZH, "offer.follow-up.title", String.valueOf(o.id), o.title, year,
                    String.join("；", d.getValue()));
            activities.scheduleFollowUp(o.companyId, title, assignee, d.getKey(), actor);
        }
        o.followUpsMade = true;
        audit.record(OfferService.AUDIT_TYPE, o.id, "follow-ups", assignee + " · " + dates.size(), Map.of());
    }

    /**
     * The check dates after landing: the minimum tax and headcount are checked on each anniversary of the landing, for
     * the years of stay (else the offer's term in whole years, at least one); the years of stay on the last of them. One
     * entry per date with what is checked then.
     */
    static Map<LocalDate, List<String>> checkDates(Offer o, LocalDate landedOn) {
        Map<LocalDate, List<String>> dates = new TreeMap<>();
        if (o.minLocalTaxCny == null && o.minHeadcount == null && o.stayYears == null) {
            return dates;
        }
        int years = o.stayYears != null ? o.stayYears : Math.max(1, (o.termMonths + 11) / 12);
        for (int k = 1; k <= years; k++) {
            List<String> checks = new ArrayList<>();
            if (o.minLocalTaxCny != null) {
                checks.add(Messages.format(Messages.ZH, "offer.follow-up.tax",
                        OfferLetterService.number(o.minLocalTaxCny, Messages.ZH)));
            }
            if (o.minHeadcount != null) {
                checks.add(Messages.format(Messages.ZH, "offer.follow-up.headcount", String.valueOf(o.minHeadcount)));
            }
            if (o.stayYears != null && k == o.stayYears) {
                checks.add(Messages.format(Messages.ZH, "offer.follow-up.stay", String.valueOf(o.stayYears)));
            }
            if (!checks.isEmpty()) {
                dates.put(landedOn.plusYears(k), checks);
            }
        }
        return dates;
    }
}
