package io.investcrm.company.ranking;

import java.net.URI;
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

import io.investcrm.security.CurrentUser;
import io.investcrm.security.Roles;
import io.investcrm.web.FormData;
import io.investcrm.web.PageView;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The target register: every list with its coverage, one list's entries with their links and the review of links. */
@Path("/rankings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class RankingPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<RankingView> lists, boolean mayManage);

        static native TemplateInstance detail(RankingView list, PageView<EntryView> entries, String status,
                String coverage, String pagerBase, boolean mayManage, List<String> statuses, List<String> coverages);
    }

    @Inject
    RankingService service;

    @Inject
    CurrentUser currentUser;

    @Inject
    UiLocale uiLocale;

    @GET
    public TemplateInstance index() {
        return Templates.index(service.lists(), mayManage()).setLocale(uiLocale.get());
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("status") String status,
            @QueryParam("coverage") String coverage, @QueryParam("page") Integer page) {
        String s = status == null ? "" : status;
        String c = coverage == null ? "" : coverage;
        String base = "/rankings/" + id + "?status=" + s + "&coverage=" + c + "&";
        return Templates.detail(service.get(id), service.entries(id, status, coverage, page, 50), s, c, base, mayManage(),
                java.util.Arrays.stream(LinkStatus.values()).map(Enum::name).toList(), RankingService.COVERAGE)
                .setLocale(uiLocale.get());
    }

    @POST
    @Path("entries/{entryId}/review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    public Response review(@PathParam("entryId") long entryId, MultivaluedMap<String, String> body) {
        FormData f = new FormData(body);
        ReviewForm form = new ReviewForm(f.enumValue("decision", ReviewForm.Decision.class), f.longValue("companyId"));
        f.throwIfErrors();
        EntryView e = service.review(entryId, form);
        return Response.seeOther(URI.create("/rankings/" + e.listId() + "?status=PROPOSED")).build();
    }

    @GET
    @Path("{id}/export")
    @Produces({ "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    public Response export(@PathParam("id") long id, @QueryParam("format") String format, @QueryParam("lang") String lang) {
        // the page's language unless the link asks for another, as the company list's export
        java.util.Locale locale = lang == null ? uiLocale.get() : io.investcrm.company.CompanyResource.exportLocale(lang);
        return service.exportFile(id, io.investcrm.web.table.TableFormat.of(format), locale);
    }

    @POST
    @Path("{id}/relink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    public Response relink(@PathParam("id") long id) {
        service.relink(id);
        return Response.seeOther(URI.create("/rankings/" + id)).build();
    }

    private boolean mayManage() {
        return currentUser.seesAll();
    }
}
