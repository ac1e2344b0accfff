package io.investcrm.company;

import java.net.URI;
import java.util.List;

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
import io.investcrm.core.DomainException;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.web.FormData;
import io.investcrm.web.FormErrors;
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

        static native TemplateInstance pick(List<CompanyRef> survivor, List<CompanyRef> loser, FormErrors errors);
    }

    /** A company as the pickers show it once chosen. */
    public record CompanyRef(Long id, String name) {
    }

    @Inject
    CompanyService companies;

    @Inject
    MergeService merges;

    @Inject
    UiLocale uiLocale;

    /**
     * {@code survivor} stays, {@code loser} goes; the page offers to swap them. Without both, the two records are
     * picked first by typing a name, alias or credit code (issue 15: no fixed list at 100 000 firms).
     */
    @GET
    public Response preview(@QueryParam("survivor") Long survivor, @QueryParam("loser") Long loser) {
        if (survivor != null && loser != null && !survivor.equals(loser)) {
            return Response.ok(Templates.preview(merges.preview(survivor, loser)).setLocale(uiLocale.get())).build();
        }
        FormErrors errors = survivor != null && survivor.equals(loser)
                ? FormErrors.from(DomainException.invalid(List.of(new FieldError("loser", "merge.pick.same"))), uiLocale.get())
                : FormErrors.none();
        return Response.status(errors.isAny() ? 422 : 200)
                .entity(Templates.pick(ref(survivor), ref(loser), errors).setLocale(uiLocale.get())).build();
    }

    private List<CompanyRef> ref(Long id) {
        if (id == null) {
            return List.of();
        }
        CompanyView c = companies.get(id);
        return List.of(new CompanyRef(c.id(), c.displayName()));
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
