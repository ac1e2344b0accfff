package io.investcrm.activity;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.security.Roles;
import io.investcrm.web.UiLocale;

/** {@code /api/notifications}: the caller's in-app reminders and escalations. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "activities")
public class NotificationResource {

    @Inject
    ActivityService service;

    @Inject
    UiLocale uiLocale;

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.APPROVER, Roles.ADMIN })
    @Operation(summary = "My latest notifications, newest first, in my language")
    public List<NotificationView> mine() {
        return service.myNotifications(uiLocale.get());
    }

    @POST
    @Path("/{id}/read")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.APPROVER, Roles.ADMIN })
    @Operation(summary = "Mark one of my notifications read; 204")
    public Response read(@PathParam("id") long id) {
        service.markRead(id);
        return Response.noContent().build();
    }
}
