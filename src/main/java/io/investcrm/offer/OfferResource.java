package io.investcrm.offer;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.security.Roles;
import io.investcrm.web.PageView;

/** {@code /api/offers}: offers of space and subsidies as JSON, and every step of their approval. */
@Path("/api/offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "offers")
public class OfferResource {

    @Inject
    OfferService service;

    @Inject
    OfferLetterService letters;

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.APPROVER, Roles.ADMIN })
    @Operation(summary = "Visible offers, latest change first; filter by status and companyId; awaitingMe=true for the "
            + "offers waiting for the caller's decision (oldest submission first); mine=true for the caller's own")
    public PageView<OfferSummary> list(@QueryParam("status") OfferStatus status, @QueryParam("companyId") Long companyId,
            @QueryParam("awaitingMe") Boolean awaitingMe, @QueryParam("mine") Boolean mine,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return service.list(status, companyId, awaitingMe, mine, page, size);
    }

    @POST
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Draft an offer for a company; 201 with its Location; 400 with violations for bad or missing terms")
    public Response create(OfferForm form) {
        OfferView created = service.create(form);
        return Response.created(URI.create("/api/offers/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.APPROVER, Roles.ADMIN })
    @Operation(summary = "One offer with its approval steps and history; 404 when not visible to the caller")
    public OfferView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/letter")
    @Produces({ "application/pdf", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.APPROVER, Roles.ADMIN })
    @Operation(summary = "The offer letter (方案函) as PDF, in Chinese (lang=en: English), once the offer was issued; "
            + "404 when not visible, 409 offer.letter-not-issued before")
    public Response letter(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return pdf(letters.letter(id, letterLocale(lang)));
    }

    /** The letter is Chinese unless English is asked for (it goes to the company, not to the reader's screen). */
    static java.util.Locale letterLocale(String lang) {
        return "en".equalsIgnoreCase(lang) ? io.investcrm.web.Messages.EN : io.investcrm.web.Messages.ZH;
    }

    static Response pdf(OfferLetterService.Letter letter) {
        return Response.ok(letter.pdf()).type("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + letter.fileName() + "\"").build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Change a draft's terms; send the version you read (stale → 409 conflict.stale); "
            + "409 offer.not-editable once submitted")
    public OfferView update(@PathParam("id") long id, OfferForm form) {
        return service.update(id, form);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Submit a draft (or resubmit a returned offer): the steps come from the tier of the group's "
            + "cumulative area or amount (investcrm.offer.*-tiers); a space offer in an inventory building holds its "
            + "area (409 offer.space-insufficient)")
    public OfferView submit(@PathParam("id") long id) {
        return service.submit(id);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({ Roles.APPROVER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Approve the pending step (optional reason; meetingRef for a collective step); 403 "
            + "offer.four-eyes for whoever made or submitted it, 403 offer.step-role without the step's role (own or "
            + "delegated), 409 offer.already-decided, 409 offer.budget-exceeded")
    public OfferView approve(@PathParam("id") long id, DecisionForm form) {
        return service.approve(id, form);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({ Roles.APPROVER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Reject the pending step and the offer; the reason is required (422 with violations)")
    public OfferView reject(@PathParam("id") long id, DecisionForm form) {
        return service.reject(id, form);
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({ Roles.APPROVER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Return the offer to its drafter for revision (reason required); it is resubmitted in a new "
            + "round with its changes shown; the hold is released meanwhile")
    public OfferView returnForRevision(@PathParam("id") long id, DecisionForm form) {
        return service.returnForRevision(id, form);
    }

    @POST
    @Path("/{id}/recall")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "The submitter takes a submitted offer back to draft before the first decision; "
            + "403 offer.recall-not-submitter, 409 offer.recall-too-late")
    public OfferView recall(@PathParam("id") long id) {
        return service.recall(id);
    }

    @POST
    @Path("/{id}/issue")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Issue the approved offer as a letter (valid for investcrm.offer.letter-valid-days)")
    public OfferView issue(@PathParam("id") long id) {
        return service.issue(id);
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Withdraw a draft, returned or submitted offer (optional reason); 409 once decided")
    public OfferView withdraw(@PathParam("id") long id, DecisionForm form) {
        return service.withdraw(id, form);
    }

    @POST
    @Path("/{id}/outcome")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Record the company's answer to an issued offer: ACCEPTED, or DECLINED with a note (space and "
            + "budget given back)")
    public OfferView outcome(@PathParam("id") long id, OutcomeForm form) {
        return service.recordOutcome(id, form);
    }
}
