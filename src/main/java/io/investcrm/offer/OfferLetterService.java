package io.investcrm.offer;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.investcrm.core.DomainException;
import io.investcrm.offer.budget.SubsidyPolicy;
import io.investcrm.web.CjkPdf;
import io.investcrm.web.CjkPdf.Line;
import io.investcrm.web.Messages;

/**
 * The offer letter (方案函, issue 11: "issued — an offer letter as PDF in Chinese"): the terms, the policy clause and
 * its conditions, and who approved it, for an issued offer (and after its answer or expiry), in Chinese or, on
 * request, English. Whoever may see the offer may read its letter.
 */
@ApplicationScoped
public class OfferLetterService {

    /** The file a client saves, and the letter's text. */
    public record Letter(String fileName, byte[] pdf) {
    }

    @Inject
    OfferService offers;

    /** The same CJK font as the weekly report (one setting for every PDF of the CRM). */
    @ConfigProperty(name = "investcrm.goals.report-font", defaultValue = CjkPdf.DEFAULT_FONT)
    String font;

    /** 404 when the offer is hidden, 409 offer.letter-not-issued before it was issued. */
    @Transactional
    public Letter letter(long id, Locale requested) {
        Offer o = offers.visible(id);
        if (o.issuedAt == null) {
            throw DomainException.conflict("offer.letter-not-issued", o.status);
        }
        Locale l = Messages.normalize(requested);
        OfferView v = offers.view(o);
        List<Line> lines = new ArrayList<>();
        lines.add(item(l, t(l, "offer.letter.to"), v.companyName()));
        lines.add(item(l, t(l, "offer.letter.ref"), "#" + o.id));
        lines.add(item(l, t(l, "offer.letter.issued-on"), o.issuedAt.toLocalDate()));
        lines.add(Line.text(Messages.format(l, "offer.letter.intro", o.title)));

        lines.add(Line.heading(t(l, "offer.letter.terms")));
        lines.add(item(l, t(l, "offer.kind"), t(l, "offer.kind." + o.kind)));
        if (o.kind == OfferKind.SPACE) {
            lines.add(item(l, t(l, "offer.zone"), offers.zoneLabel(o.zoneCode, l)));
            lines.add(item(l, t(l, "offer.building"), o.building));
            if (o.unitLabel != null) {
                lines.add(item(l, t(l, "offer.unit"), o.unitLabel));
            }
            lines.add(item(l, t(l, "offer.floor-area"), number(o.floorAreaSqm, l)));
            lines.add(item(l, t(l, "offer.rent"), number(o.rentPerSqmMonth, l)));
            lines.add(item(l, t(l, "offer.discount"), number(o.discountPct, l)));
            lines.add(item(l, t(l, "offer.monthly-rent"), number(v.monthlyRentCny(), l)));
            lines.add(item(l, t(l, "offer.rent-free"), o.rentFreeMonths));
            if (o.startDate != null) {
                lines.add(item(l, t(l, "offer.start-date"), o.startDate));
            }
        } else {
            lines.add(item(l, t(l, "offer.subsidy-kind"), t(l, "offer.subsidy-kind." + o.subsidyKind)));
            lines.add(item(l, t(l, "offer.subsidy-amount"), number(o.subsidyAmountCny, l)));
            lines.add(item(l, t(l, "offer.instalments"), o.instalments));
            SubsidyPolicy policy = o.policyId == null ? null : SubsidyPolicy.findById(o.policyId);
            if (policy != null) {
                lines.add(item(l, t(l, "offer.policy"), policy.name + " (" + policy.budgetYear + ")"));
            }
            lines.add(item(l, t(l, "offer.policy-basis"), o.policyBasis != null ? o.policyBasis
                    : policy == null ? null : policy.clause));
        }
        lines.add(item(l, t(l, "offer.term"), o.termMonths));
        if (o.conditions != null) {
            lines.add(item(l, t(l, "offer.conditions"), o.conditions));
        }
        if (o.kind == OfferKind.SUBSIDY && (o.minLocalTaxCny != null || o.minHeadcount != null || o.stayYears != null)) {
            lines.add(Line.heading(t(l, "offer.letter.checks")));
            if (o.minLocalTaxCny != null) {
                lines.add(item(l, t(l, "offer.min-local-tax"), number(o.minLocalTaxCny, l)));
            }
            if (o.minHeadcount != null) {
                lines.add(item(l, t(l, "offer.min-headcount"), o.minHeadcount));
            }
            if (o.stayYears != null) {
                lines.add(item(l, t(l, "offer.stay-years"), o.stayYears));
            }
            lines.add(item(l, t(l, "offer.clawback"), o.clawback));
        }

        lines.add(Line.heading(t(l, "offer.letter.approvals")));
        for (OfferApproval a : o.currentRound()) {
            if (a.decision != Decision.APPROVED) {
                continue;
            }
            String who = a.onBehalfOf == null ? a.decidedBy
                    : a.decidedBy + " (" + Messages.format(l, "offer.on-behalf-of", a.onBehalfOf) + ")";
            String line = who + " · " + a.decidedAt.toLocalDate()
                    + (a.meetingRef == null ? "" : " · " + Messages.format(l, "offer.meeting-ref.value", a.meetingRef));
            lines.add(item(l, a.stepName == null ? t(l, "offer.role." + a.requiredRole)
                    : t(l, "offer.step-name." + a.stepName), line));
        }
        lines.add(Line.text(""));
        lines.add(Line.text(Messages.format(l, "offer.letter.valid", String.valueOf(o.validUntil))));
        String title = t(l, "offer.letter.title") + " · " + o.title;
        return new Letter("offer-" + o.id + "-" + (l == Messages.EN ? "en" : "zh") + ".pdf", CjkPdf.write(font, title, lines));
    }

    /** "label：value" in Chinese, "label: value" in English. */
    private static Line item(Locale l, String label, Object value) {
        return Line.item(label, value, l == Messages.EN ? ": " : "：");
    }

    /** Amounts and areas as people read them: 1,200,000.00. */
    static String number(BigDecimal d, Locale l) {
        return d == null ? null : new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(d);
    }

    private static String t(Locale l, String key) {
        return Messages.format(l, key);
    }
}
