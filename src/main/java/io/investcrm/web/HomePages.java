package io.investcrm.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The start page, the sign-in entry point and the language switch. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @Inject
    UiLocale uiLocale;

    @Inject
    io.investcrm.security.CurrentUser currentUser;

    /** Each role lands on a page made for it (issue 10): managers the dashboard, approvers their inbox, officers their day. */
    @GET
    @PermitAll
    public Response home() {
        if (currentUser.isAuthenticated()) {
            String start = currentUser.hasRole("manager") || currentUser.hasRole("admin") ? "/dashboard"
                    : currentUser.hasRole("officer") ? "/day" : currentUser.hasRole("approver") ? "/offers" : null;
            if (start != null) {
                return Response.seeOther(URI.create(start)).build();
            }
        }
        return Response.ok(Templates.home().setLocale(uiLocale.get())).build();
    }

    /** Any page needing a role sends the browser through the login; this one exists to start it on purpose. */
    @GET
    @Path("login")
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create("/")).build();
    }

    @GET
    @Path("lang/{tag}")
    @PermitAll
    public Response language(@PathParam("tag") String tag, @QueryParam("return") String returnTo) {
        String lang = "en".equals(tag) ? "en" : "zh-CN";
        NewCookie cookie = new NewCookie.Builder(UiLocale.COOKIE).value(lang).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(LocalRedirect.target(returnTo)).cookie(cookie).build();
    }
}
