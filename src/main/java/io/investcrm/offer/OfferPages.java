package io.investcrm.offer;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.investcrm.core.DomainException;
import io.investcrm.offer.approval.ApprovalRouting;
import io.investcrm.offer.budget.BudgetService;
import io.investcrm.offer.budget.PolicyView;
import io.investcrm.offer.space.BuildingView;
import io.investcrm.offer.space.SpaceService;
import io.investcrm.plan.PlanService;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.Roles;
import io.investcrm.web.FormData;
import io.investcrm.web.FormErrors;
import io.investcrm.web.PageView;
import io.investcrm.web.ProblemMapper;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The offer pages: what waits for my approval and my offers, a company's offers, the offer form (new and edit draft)
 * and one offer with its approval steps and actions (POST-redirect-GET; a refusal re-renders with the input).
 */
@Path("/offers")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.APPROVER, Roles.ADMIN })
public class OfferPages {

    /** What the detail page re-renders after a refused action: which form failed, the input and the messages. */
    public record Attempt(String form, String reason, OfferOutcome outcome, String note, FormErrors errors,
            String meetingRef) {

        Attempt(String form, String reason, OfferOutcome outcome, String note, FormErrors errors) {
            this(form, reason, outcome, note, errors, null);
        }

        static Attempt none() {
            return new Attempt("", null, null, null, FormErrors.none());
        }

        Attempt failedWith(FormErrors e) {
            return new Attempt(form, reason, outcome, note, e, meetingRef);
        }

        public boolean failed(String name) {
            return form.equals(name);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(PageView<OfferSummary> awaiting, PageView<OfferSummary> mine,
                PageView<OfferSummary> ofCompany, Long companyId, String companyName, boolean decider, boolean crm);

        static native TemplateInstance form(OfferForm form, Long offerId, String companyName,
                List<PlanService.Option> zones, List<OfferKind> kinds, BigDecimal subsidyAbove, BigDecimal spaceAbove,
                List<BuildingView> buildings, List<PolicyView> policies, List<SubsidyKind> subsidyKinds,
                FormErrors errors);

        static native TemplateInstance detail(OfferView o, String zoneLabel, Attempt attempt, boolean decider,
                boolean crm, List<OfferOutcome> outcomes, boolean saved);
    }

    @Inject
    OfferService service;

    @Inject
    OfferConfig config;

    @Inject
    CurrentUser currentUser;

    @Inject
    UiLocale uiLocale;

    @Inject
    SpaceService space;

    @Inject
    BudgetService budgets;

    @Inject
    OfferLetterService letters;

    @GET
    public TemplateInstance index(@QueryParam("companyId") Long companyId) {
        boolean decider = service.isDecider();
        boolean crm = crm();
        PageView<OfferSummary> awaiting = decider ? service.list(null, null, true, null, 0, 100) : null;
        PageView<OfferSummary> mine = crm ? service.list(null, null, null, true, 0, 100) : null;
        PageView<OfferSummary> ofCompany = companyId == null ? null : service.list(null, companyId, null, null, 0, 100);
        // an approver may not see the company itself (404), only its submitted offers: name it from those
        String name = companyId == null ? null : crm ? service.companyName(companyId)
                : ofCompany.items().stream().findFirst().map(OfferSummary::companyName).orElse(null);
        return Templates.index(awaiting, mine, ofCompany, companyId, name, decider, crm).setLocale(uiLocale.get());
    }

    @GET
    @Path("new")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public Response newForm(@QueryParam("companyId") Long companyId) {
        // without a company the form opens with its picker empty: the officer types the firm on the form (issue 15)
        return Response.ok(form(OfferForm.forCompany(companyId), null, FormErrors.none())).build();
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public Response create(MultivaluedMap<String, String> body) {
        FormData in = new FormData(body);
        OfferForm form = read(in, in.longValue("companyId"), null);
        try {
            if (form.companyId() == null) {
                throw DomainException.invalid(List.of(new DomainException.FieldError("companyId", "offer.company.required")));
            }
            in.throwIfErrors();
            OfferView created = service.create(form);
            return Response.seeOther(URI.create("/offers/" + created.id() + "?saved=1")).build();
        } catch (DomainException e) {
            return refused(e, form, null);
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("saved") String saved) {
        return page(id, Attempt.none(), saved != null);
    }

    /** The offer letter as PDF (Chinese; {@code ?lang=en} English), for whoever sees the offer once it was issued. */
    @GET
    @Path("{id}/letter")
    @Produces({ "application/pdf", MediaType.TEXT_HTML })
    public Response letter(@PathParam("id") long id, @QueryParam("lang") String lang) {
        return OfferResource.pdf(letters.letter(id, OfferResource.letterLocale(lang)));
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public TemplateInstance editForm(@PathParam("id") long id) {
        return form(OfferForm.of(service.get(id)), id, FormErrors.none());
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public Response edit(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        FormData in = new FormData(body);
        OfferView current = service.get(id);
        OfferForm form = read(in, current.companyId(), in.integer("version"));
        try {
            in.throwIfErrors();
            service.update(id, form);
            return Response.seeOther(URI.create("/offers/" + id + "?saved=1")).build();
        } catch (DomainException e) {
            return refused(e, form, id);
        }
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public Response submit(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        return act(id, new Attempt("submit", null, null, null, FormErrors.none()), () -> service.submit(id));
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.APPROVER, Roles.MANAGER, Roles.ADMIN })
    public Response approve(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        FormData in = new FormData(body);
        String reason = in.str("reason");
        String meeting = in.str("meetingRef");
        return act(id, new Attempt("decide", reason, null, null, FormErrors.none(), meeting),
                () -> service.approve(id, new DecisionForm(reason, meeting)));
    }

    @POST
    @Path("{id}/return")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.APPROVER, Roles.MANAGER, Roles.ADMIN })
    public Response returnForRevision(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        String reason = new FormData(body).str("reason");
        return act(id, new Attempt("decide", reason, null, null, FormErrors.none()),
                () -> service.returnForRevision(id, new DecisionForm(reason)));
    }

    @POST
    @Path("{id}/recall")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public Response recall(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        return act(id, new Attempt("recall", null, null, null, FormErrors.none()), () -> service.recall(id));
    }

    @POST
    @Path("{id}/issue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public Response issue(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        return act(id, new Attempt("issue", null, null, null, FormErrors.none()), () -> service.issue(id));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.APPROVER, Roles.MANAGER, Roles.ADMIN })
    public Response reject(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        String reason = new FormData(body).str("reason");
        return act(id, new Attempt("decide", reason, null, null, FormErrors.none()),
                () -> service.reject(id, new DecisionForm(reason)));
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public Response withdraw(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        String reason = new FormData(body).str("reason");
        return act(id, new Attempt("withdraw", reason, null, null, FormErrors.none()),
                () -> service.withdraw(id, new DecisionForm(reason)));
    }

    @POST
    @Path("{id}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public Response outcome(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        FormData in = new FormData(body);
        OutcomeForm form = new OutcomeForm(in.enumValue("outcome", OfferOutcome.class), in.str("note"));
        return act(id, new Attempt("outcome", null, form.outcome(), form.note(), FormErrors.none()), () -> {
            in.throwIfErrors();
            service.recordOutcome(id, form);
        });
    }

    /** Officers, managers and admins work with companies; approvers see only the offers. */
    private boolean crm() {
        return currentUser.hasRole(Roles.OFFICER) || currentUser.seesAll();
    }

    private static OfferForm read(FormData in, Long companyId, Integer version) {
        return new OfferForm(companyId, in.enumValue("kind", OfferKind.class), in.str("title"), in.str("zoneCode"),
                in.str("building"), in.decimal("floorAreaSqm"), in.decimal("rentPerSqmMonth"), in.integer("rentFreeMonths"),
                in.decimal("subsidyAmountCny"), in.str("policyBasis"), in.integer("termMonths"), in.str("conditions"),
                version, in.longValue("buildingId"), in.str("unitLabel"), in.decimal("discountPct"),
                date(in, "startDate"), in.enumValue("subsidyKind", SubsidyKind.class), in.longValue("policyId"),
                in.integer("instalments"), in.decimal("minLocalTaxCny"), in.integer("minHeadcount"),
                in.integer("stayYears"), in.str("clawback"));
    }

    private static LocalDate date(FormData in, String name) {
        String s = in.str(name);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(List.of(new DomainException.FieldError(name, "offer.date.invalid")));
        }
    }

    /** A refused form comes back with the input and the messages; unknown or hidden records stay errors. */
    private Response refused(DomainException e, OfferForm form, Long offerId) {
        if (ProblemMapper.status(e) == 404 || ProblemMapper.status(e) == 403) {
            throw e;
        }
        return Response.status(ProblemMapper.status(e) == 409 ? 409 : 422)
                .entity(form(form, offerId, FormErrors.from(e, uiLocale.get()))).build();
    }

    private TemplateInstance form(OfferForm form, Long offerId, FormErrors errors) {
        ApprovalRouting routing = config.routing();
        String companyName = form.companyId() == null ? null : service.companyName(form.companyId());
        return Templates.form(form, offerId, companyName, service.zones(uiLocale.get()),
                List.of(OfferKind.values()), routing.subsidy().get(0).maxAmountCny(), routing.space().get(0).maxAreaSqm(),
                space.list(null), budgets.list(null), List.of(SubsidyKind.values()), errors)
                .setLocale(uiLocale.get());
    }

    /** Runs an action; success redirects (PRG), a refusal re-renders the page with the input and the messages. */
    private Response act(long id, Attempt attempt, Runnable action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/offers/" + id + "?saved=1")).build();
        } catch (DomainException e) {
            if (ProblemMapper.status(e) == 404) {
                throw e;
            }
            Attempt failed = attempt.failedWith(FormErrors.from(e, uiLocale.get()));
            return Response.status(ProblemMapper.status(e) == 409 || ProblemMapper.status(e) == 403 ? ProblemMapper.status(e) : 422)
                    .entity(page(id, failed, false)).build();
        }
    }

    private TemplateInstance page(long id, Attempt attempt, boolean saved) {
        OfferView o = service.get(id);
        return Templates.detail(o, service.zoneLabel(o.zoneCode(), uiLocale.get()), attempt, service.isDecider(), crm(), List.of(OfferOutcome.values()), saved)
                .setLocale(uiLocale.get());
    }
}
