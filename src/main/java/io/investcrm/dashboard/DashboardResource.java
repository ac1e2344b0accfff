package io.investcrm.dashboard;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.dashboard.DashboardViews.Dashboard;
import io.investcrm.dashboard.DashboardViews.Filter;
import io.investcrm.dashboard.DashboardViews.Row;
import io.investcrm.security.Roles;
import io.investcrm.web.FiguresJson;
import io.investcrm.web.UiLocale;

/** The managers' dashboard as JSON, the rows behind each figure, and each chart's table as CSV or XLSX (issue 10). */
@Path("/api/dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    DashboardService service;

    @Inject
    UiLocale uiLocale;

    @Inject
    ObjectMapper json;

    /** The dashboard's JSON per filter, kept under the figures' version. */
    private final FiguresJson bodies = new FiguresJson(16);

    static Filter filter(String zone, String industry, String team, String officer, LocalDate from, LocalDate to) {
        return new Filter(blank(zone), blank(industry), blank(team), blank(officer), from, to);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @GET
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Funnel with conversion, time in stage and traffic lights, activities per officer per week, "
            + "upcoming landings, offers awaiting approval; filters zone, industry (with sub-industries), team, officer, period")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Dashboard.class)))
    public Response dashboard(@QueryParam("zone") String zone, @QueryParam("industry") String industry,
            @QueryParam("team") String team, @QueryParam("officer") String officer, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        Filter f = service.withDefaults(filter(zone, industry, team, officer, from, to));
        return bodies.ok(json, service.versioned(f), f);
    }

    @GET
    @Path("/rows")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "The rows behind a figure: figure=stage&value=STAGE, stale&value=YELLOW|RED, "
            + "activities&value=officer|week, upcoming, offers (same filters); asOf = the dashboard's asOf, so the rows "
            + "are read as of the same minute as the figure")
    public List<Row> rows(@QueryParam("figure") String figure, @QueryParam("value") String value,
            @QueryParam("zone") String zone, @QueryParam("industry") String industry, @QueryParam("team") String team,
            @QueryParam("officer") String officer, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("asOf") String asOf) {
        return service.rows(service.withDefaults(filter(zone, industry, team, officer, from, to)), figure, value,
                service.asOfParam(asOf));
    }

    @GET
    @Path("/export")
    @Produces({ "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "One chart's table (chart=funnel|activities|upcoming|offers) as format=csv|xlsx")
    public Response export(@QueryParam("chart") String chart, @QueryParam("format") String format,
            @QueryParam("zone") String zone, @QueryParam("industry") String industry, @QueryParam("team") String team,
            @QueryParam("officer") String officer, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return DashboardTables.download(service.dashboard(service.withDefaults(filter(zone, industry, team, officer, from, to))),
                chart, format, uiLocale.get());
    }
}
