package io.investcrm.dashboard;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.investcrm.dashboard.DashboardViews.Dashboard;
import io.investcrm.dashboard.DashboardViews.Filter;
import io.investcrm.dashboard.DashboardViews.Row;
import io.investcrm.plan.PlanService;
import io.investcrm.plan.model.Zone;
import io.investcrm.security.Roles;
import io.investcrm.core.DomainException;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The managers' dashboard page and the rows behind each of its figures. */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard d, List<Zone> zones, String query);

        static native TemplateInstance rows(List<Row> rows, String figure, String value, Filter filter, String query);

    }

    @Inject
    DashboardService service;

    @Inject
    PlanService plan;

    @Inject
    UiLocale uiLocale;

    private Filter filter(String zone, String industry, String team, String officer, String from, String to) {
        return service.withDefaults(DashboardResource.filter(zone, industry, team, officer, date(from), date(to)));
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw io.investcrm.core.Invalid.request("dashboard.period.invalid");
        }
    }

    @GET
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    public TemplateInstance dashboard(@QueryParam("zone") String zone, @QueryParam("industry") String industry,
            @QueryParam("team") String team, @QueryParam("officer") String officer, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Filter f = filter(zone, industry, team, officer, from, to);
        Dashboard d = service.dashboard(f);
        // the links to the rows carry the minute the figures are of (DashboardService.asOfParam)
        return Templates.dashboard(d, plan.document().zones(), f.query() + "&asOf=" + d.asOf()).setLocale(uiLocale.get());
    }

    @GET
    @Path("export")
    @Produces({ "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.TEXT_HTML })
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    public jakarta.ws.rs.core.Response export(@QueryParam("chart") String chart, @QueryParam("format") String format,
            @QueryParam("zone") String zone, @QueryParam("industry") String industry, @QueryParam("team") String team,
            @QueryParam("officer") String officer, @QueryParam("from") String from, @QueryParam("to") String to) {
        Filter f = filter(zone, industry, team, officer, from, to);
        return DashboardTables.download(service.dashboard(f), chart, format, uiLocale.get());
    }

    @GET
    @Path("rows")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    public TemplateInstance rows(@QueryParam("figure") String figure, @QueryParam("value") String value,
            @QueryParam("zone") String zone, @QueryParam("industry") String industry, @QueryParam("team") String team,
            @QueryParam("officer") String officer, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("asOf") String asOf) {
        Filter f = filter(zone, industry, team, officer, from, to);
        LocalDateTime at = service.asOfParam(asOf);
        return Templates.rows(service.rows(f, figure, value, at), figure, value, f,
                f.query() + (at == null ? "" : "&asOf=" + at)).setLocale(uiLocale.get());
    }
}
