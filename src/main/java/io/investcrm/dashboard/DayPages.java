package io.investcrm.dashboard;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.investcrm.security.CurrentUser;
import io.investcrm.security.Roles;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** An officer's start page: overdue and coming follow-ups, stale pursuits, with links to act on each. */
@Path("/day")
@Produces(MediaType.TEXT_HTML)
public class DayPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance day(StartService.OfficerDay day);
    }

    @Inject
    StartService start;

    @Inject
    CurrentUser currentUser;

    @Inject
    UiLocale uiLocale;

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public TemplateInstance day() {
        return Templates.day(start.officerDay(currentUser.username())).setLocale(uiLocale.get());
    }
}
