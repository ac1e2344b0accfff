package io.investcrm.activity;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.company.HistoryView;
import io.investcrm.security.Roles;

/** {@code /api/activities}: the contact and visit log as JSON. */
@Path("/api/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "activities")
public class ActivityResource {

    @Inject
    ActivityService service;

    @POST
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Log a contact or visit with its follow-ups; 201 with its Location")
    public Response log(ActivityForm form) {
        ActivityView created = service.log(form);
        return Response.created(URI.create("/api/activities/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "One activity; 404 when none of its firms is visible to the caller")
    public ActivityView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Correct an activity (its author, managers, admins); send the version read; stale → 409; audited")
    public ActivityView correct(@PathParam("id") long id, ActivityEditForm form) {
        return service.correct(id, form);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Delete a mistaken activity within the grace period (investcrm.activity.delete-grace); 204; later → 409; audited")
    public Response delete(@PathParam("id") long id, @QueryParam("version") Integer version) {
        service.delete(id, version);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "The activity's audit trail with every changed field, newest first")
    public List<HistoryView> history(@PathParam("id") long id) {
        return service.history(id).stream().map(HistoryView::from).toList();
    }
}
