package io.investcrm.goals;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.goals.GoalForms.LicenceForm;
import io.investcrm.goals.GoalForms.TargetForm;
import io.investcrm.goals.GoalViews.CoverageRow;
import io.investcrm.goals.GoalViews.LicenceView;
import io.investcrm.goals.GoalViews.Progress;
import io.investcrm.goals.GoalViews.TargetView;
import io.investcrm.core.FiguresCache;
import io.investcrm.security.Roles;
import io.investcrm.web.FiguresJson;
import io.investcrm.web.UiLocale;

/** Goal progress, forecasts, coverage of the ranking lists, the managers' targets and licence records (issue 10). */
@Path("/api/goals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GoalsResource {

    @Inject
    GoalsService service;

    @Inject
    WeeklyReportService reports;

    @Inject
    UiLocale uiLocale;

    @Inject
    ObjectMapper json;

    /** Goal progress's JSON per question, kept under the figures' version. */
    private final FiguresJson bodies = new FiguresJson(16);

    @GET
    @Path("/progress")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Progress of every countable target as of a day (default today), with forecast, the counted "
            + "firms and the reason each counts; filters target, zone, team, year (of landing), tier, field; the excluded "
            + "firms' rows with excluded=true (else their number, excludedCount)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Progress.class)))
    public Response progress(@QueryParam("asOf") LocalDate asOf, @QueryParam("target") String target,
            @QueryParam("zone") String zone, @QueryParam("team") String team, @QueryParam("year") Integer year,
            @QueryParam("tier") String tier, @QueryParam("field") String field, @QueryParam("excluded") boolean excluded) {
        var filter = GoalPages.filter(target, zone, team, year, tier, field);
        var locale = uiLocale.get();
        FiguresCache.Versioned<Progress> p = service.versioned(asOf, filter, locale, excluded);
        // the day it is as of (today when not given) is part of the question: the data's version does not know the date
        return bodies.ok(json, p, java.util.Arrays.asList(p.value().asOf(), filter, locale, excluded));
    }

    @GET
    @Path("/coverage")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Every ranking list's entries as untouched / contacted / in pipeline / landed")
    public List<CoverageRow> coverage() {
        return service.coverage(uiLocale.get());
    }

    @GET
    @Path("/targets")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    public List<TargetView> targets() {
        return service.targets();
    }

    @POST
    @Path("/targets")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Add a manager's target (zone, team, year, count, optionally under a plan target's rule); 201")
    public Response addTarget(TargetForm form) {
        TargetView t = service.addTarget(form);
        return Response.created(URI.create("/api/goals/targets/" + t.id())).entity(t).build();
    }

    @DELETE
    @Path("/targets/{id}")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    public Response deleteTarget(@PathParam("id") long id) {
        service.deleteTarget(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/report")
    @Produces({ "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "The weekly report (项目周报) of a week (week=2026-W48 or any day of it) as format=xlsx|pdf|json, "
            + "in the caller's language (Accept-Language or lang=en)")
    public Response report(@QueryParam("week") String week, @QueryParam("format") String format, @QueryParam("lang") String lang) {
        return WeeklyReportService.download(reports, week, format, lang == null ? uiLocale.get() : io.investcrm.web.Messages
                .normalize(java.util.Locale.forLanguageTag(lang)));
    }

    @GET
    @Path("/licences")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Recorded licences and certificates (专栏1 #10, #11), of one company with companyId")
    public List<LicenceView> licences(@QueryParam("companyId") Long companyId) {
        return service.licences(companyId);
    }

    @POST
    @Path("/licences")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Record a licence or certificate (type FINANCIAL_LICENCE or HIGH_TECH_CERTIFICATE, number, "
            + "validity); 409 goals.licence.duplicate for a number already recorded")
    public Response addLicence(LicenceForm form) {
        LicenceView l = service.addLicence(form);
        return Response.created(URI.create("/api/goals/licences?companyId=" + l.companyId())).entity(l).build();
    }
}
