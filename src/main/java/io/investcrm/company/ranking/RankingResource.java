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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.web.table.TableFormat;
import io.investcrm.security.Roles;
import io.investcrm.web.PageView;

/**
 * {@code /api/rankings}: the ranking lists (target register). Everyone in the CRM reads them; managers and admins keep
 * them (create, relink, review links), since goal counting rests on confirmed links.
 */
@Path("/api/rankings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "rankings")
public class RankingResource {

    @Inject
    RankingService service;

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Every list with its entries counted by link status and by coverage (untouched … landed)")
    public List<RankingView> lists() {
        return service.lists();
    }

    @POST
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Create an empty list (entries come by import); 201")
    public Response create(RankingForm form) {
        RankingView created = service.create(form);
        return Response.created(URI.create("/api/rankings/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "One list with its counts")
    public RankingView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/entries")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Entries by rank; status (UNLINKED|PROPOSED|CONFIRMED|REJECTED) and coverage "
            + "(UNTOUCHED|CONTACTED|PIPELINE|LANDED) filter")
    public PageView<EntryView> entries(@PathParam("id") long id, @QueryParam("status") String status,
            @QueryParam("coverage") String coverage, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return service.entries(id, status, coverage, page, size);
    }

    @GET
    @Path("/{id}/export")
    @Produces({ "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "The list's entries with their links and coverage, CSV or XLSX (format=csv|xlsx), with labels "
            + "people read: Chinese by default, English with lang=en; the file imports again as a list")
    public Response export(@PathParam("id") long id, @QueryParam("format") String format, @QueryParam("lang") String lang) {
        return service.exportFile(id, TableFormat.of(format), io.investcrm.company.CompanyResource.exportLocale(lang));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Path("/{id}/relink")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Try again to link the unlinked entries (e.g. after importing the firms)")
    public RankingView relink(@PathParam("id") long id) {
        return service.relink(id);
    }

    @POST
    @Path("/entries/{entryId}/review")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Confirm or reject a proposed link, or link the entry to a company")
    public EntryView review(@PathParam("entryId") long entryId, ReviewForm form) {
        return service.review(entryId, form);
    }
}
