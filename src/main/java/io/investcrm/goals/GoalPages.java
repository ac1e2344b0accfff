package io.investcrm.goals;

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
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.investcrm.goals.GoalForms.LicenceForm;
import io.investcrm.goals.GoalForms.TargetForm;
import io.investcrm.goals.GoalViews.CoverageRow;
import io.investcrm.goals.GoalViews.Progress;
import io.investcrm.goals.GoalViews.TargetView;
import io.investcrm.plan.PlanService;
import io.investcrm.plan.model.Target;
import io.investcrm.plan.model.Zone;
import io.investcrm.security.Roles;
import io.investcrm.core.DomainException;
import io.investcrm.web.FormData;
import io.investcrm.web.FormErrors;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The goal pages: progress and forecast, coverage of the ranking lists, the managers' own targets. */
@Path("/goals")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
public class GoalPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance progress(Progress progress, List<Zone> zones, String asOfText, List<String> tiers);

        static native TemplateInstance coverage(List<CoverageRow> rows, List<String> states);

        static native TemplateInstance targets(List<TargetView> targets, List<Target> planTargets, List<Zone> zones,
                MultivaluedMap<String, String> input, FormErrors errors);

        static native TemplateInstance licences(long companyId, String company, List<GoalViews.LicenceView> licences,
                List<String> types, MultivaluedMap<String, String> input, FormErrors errors);
    }

    static final List<String> LICENCE_TYPES = java.util.Arrays.stream(io.investcrm.goals.rules.LicenceType.values())
            .map(Enum::name).toList();

    @Inject
    io.investcrm.company.CompanyNames companyNames;

    static final List<String> TIERS = java.util.Arrays.stream(io.investcrm.plan.model.RankingScope.values()).map(Enum::name).toList();

    @Inject
    GoalsService service;

    @Inject
    WeeklyReportService reports;

    @Inject
    PlanService plan;

    @Inject
    UiLocale uiLocale;

    static GoalViews.Filter filter(String target, String zone, String team, Integer year, String tier, String field) {
        return new GoalViews.Filter(blank(target), blank(zone), blank(team), year, blank(tier), blank(field));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @GET
    public TemplateInstance progress(@QueryParam("asOf") String asOf, @QueryParam("target") String target,
            @QueryParam("zone") String zone, @QueryParam("team") String team, @QueryParam("year") Integer year,
            @QueryParam("tier") String tier, @QueryParam("field") String field) {
        LocalDate day = null;
        try {
            day = blank(asOf) == null ? null : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw io.investcrm.core.Invalid.request("goals.as-of.invalid", asOf);
        }
        // one target's page lists its excluded firms too; the overview gives their number and links there
        Progress p = service.progress(day, filter(target, zone, team, year, tier, field), uiLocale.get(), blank(target) != null);
        return Templates.progress(p, plan.document().zones(), p.asOf().toString(), TIERS).setLocale(uiLocale.get());
    }

    @GET
    @Path("report")
    @Produces({ "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.TEXT_HTML })
    public Response report(@QueryParam("week") String week, @QueryParam("format") String format, @QueryParam("lang") String lang) {
        return WeeklyReportService.download(reports, week, format == null ? "pdf" : format, lang == null ? uiLocale.get()
                : io.investcrm.web.Messages.normalize(java.util.Locale.forLanguageTag(lang)));
    }

    @GET
    @Path("coverage")
    public TemplateInstance coverage() {
        return Templates.coverage(service.coverage(uiLocale.get()), GoalsService.COVERAGE).setLocale(uiLocale.get());
    }

    @GET
    @Path("targets")
    public TemplateInstance targets() {
        return targetsPage(null, FormErrors.none());
    }

    private TemplateInstance targetsPage(MultivaluedMap<String, String> input, FormErrors errors) {
        return Templates.targets(service.targets(), plan.document().targets(), plan.document().zones(),
                input == null ? new MultivaluedHashMap<>() : input, errors)
                .setLocale(uiLocale.get());
    }

    @POST
    @Path("targets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addTarget(MultivaluedMap<String, String> body) {
        FormData f = new FormData(body);
        try {
            TargetForm form = new TargetForm(f.str("name"), f.str("planTargetCode"), f.str("zoneCode"), f.str("teamCode"),
                    f.integer("year"), f.integer("count"));
            f.throwIfErrors();
            service.addTarget(form);
            return Response.seeOther(URI.create("/goals/targets")).build();
        } catch (DomainException e) {
            return Response.status(io.investcrm.web.ProblemMapper.status(e)).entity(targetsPage(body, FormErrors.from(e, uiLocale.get()))).build();
        }
    }

    /** A company's licences and certificates (专栏1 #10/#11 count by them), with the form that records one. */
    @GET
    @Path("licences")
    public TemplateInstance licences(@QueryParam("companyId") long companyId) {
        return licencesPage(companyId, null, FormErrors.none());
    }

    private TemplateInstance licencesPage(long companyId, MultivaluedMap<String, String> input, FormErrors errors) {
        String name = companyNames.of(companyId);
        if (name == null) {
            throw DomainException.notFound("company", companyId);
        }
        return Templates.licences(companyId, name, service.licences(companyId), LICENCE_TYPES,
                input == null ? new MultivaluedHashMap<>() : input, errors).setLocale(uiLocale.get());
    }

    /** Records a licence or certificate; back to the company's licences (POST-redirect-GET), or the form with its errors. */
    @POST
    @Path("licences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addLicence(MultivaluedMap<String, String> body) {
        FormData f = new FormData(body);
        Long companyId = f.longValue("companyId");
        if (companyId == null) {
            throw io.investcrm.core.Invalid.request("request.empty");
        }
        try {
            List<DomainException.FieldError> dateErrors = new java.util.ArrayList<>();
            LicenceForm form = new LicenceForm(companyId, f.str("type"), f.str("number"), f.str("issuer"),
                    day(f.str("validFrom"), "validFrom", dateErrors), day(f.str("validTo"), "validTo", dateErrors));
            f.throwIfErrors();
            if (!dateErrors.isEmpty()) {
                throw DomainException.invalid(dateErrors);
            }
            service.addLicence(form);
            return Response.seeOther(URI.create("/goals/licences?companyId=" + companyId)).build();
        } catch (DomainException e) {
            return Response.status(io.investcrm.web.ProblemMapper.status(e))
                    .entity(licencesPage(companyId, body, FormErrors.from(e, uiLocale.get()))).build();
        }
    }

    private static LocalDate day(String value, String field, List<DomainException.FieldError> errors) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new DomainException.FieldError(field, "validation.invalid-date"));
            return null;
        }
    }

    @POST
    @Path("targets/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteTarget(@PathParam("id") long id) {
        service.deleteTarget(id);
        return Response.seeOther(URI.create("/goals/targets")).build();
    }
}
