package io.investcrm.activity;

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

import io.investcrm.security.Roles;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** My tasks: overdue, due this week, all open; and my notifications. */
@Path("/tasks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class TaskPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tasks(List<FollowUpView> overdue, List<FollowUpView> week, List<FollowUpView> open,
                List<NotificationView> notifications, boolean saved);
    }

    @Inject
    ActivityService service;

    @Inject
    UiLocale uiLocale;

    @GET
    public TemplateInstance tasks(@QueryParam("saved") String saved) {
        return Templates.tasks(service.myTasks("overdue"), service.myTasks("week"), service.myTasks(null),
                service.myNotifications(uiLocale.get()), saved != null).setLocale(uiLocale.get());
    }

    @POST
    @Path("notifications/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response readAll() {
        service.markAllRead();
        return Response.seeOther(URI.create("/tasks?saved=1")).build();
    }

    @POST
    @Path("{id}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response done(@PathParam("id") long id) {
        service.complete(id);
        return Response.seeOther(URI.create("/tasks?saved=1")).build();
    }
}
