package io.investcrm.company;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.investcrm.security.Roles;
import io.investcrm.web.FormData;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Merging two records: pick the survivor, see what moves, confirm (managers and admins). */
@Path("/merge")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
public class MergePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance preview(MergePreview preview);
    }

    @Inject
    MergeService merges;

    @Inject
    UiLocale uiLocale;

    /** {@code survivor} stays, {@code loser} goes; the page offers to swap them. */
    @GET
    public TemplateInstance preview(@QueryParam("survivor") long survivor, @QueryParam("loser") long loser) {
        return Templates.preview(merges.preview(survivor, loser)).setLocale(uiLocale.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(MultivaluedMap<String, String> body) {
        FormData f = new FormData(body);
        MergeForm form = new MergeForm(f.longValue("survivorId"), f.longValue("loserId"), f.integer("survivorVersion"),
                f.integer("loserVersion"));
        f.throwIfErrors();
        CompanyView survivor = merges.merge(form);
        return Response.seeOther(URI.create("/companies/" + survivor.id() + "?saved=1")).build();
    }
}
