package io.investcrm.activity;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.security.Roles;

/** {@code /api/tasks}: the caller's follow-up tasks. */
@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "activities")
public class TaskResource {

    @Inject
    ActivityService service;

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "My open follow-ups; due=overdue or due=week (today and the next six days)")
    public List<FollowUpView> mine(@QueryParam("due") String due) {
        return service.myTasks(due);
    }

    @POST
    @Path("/{id}/done")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Mark a follow-up done; 409 when it already is")
    public FollowUpView done(@PathParam("id") long id) {
        return service.complete(id);
    }
}
