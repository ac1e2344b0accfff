package io.investcrm.pipeline;

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

import io.investcrm.core.DomainException;
import io.investcrm.security.Roles;
import io.investcrm.web.FormErrors;
import io.investcrm.web.ProblemMapper;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The managers' verification queue: landings a second person confirms or sends back (POST-redirect-GET). */
@Path("/verification")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
public class VerificationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<ProspectSummary> queue, Long failedId, String note, FormErrors errors,
                boolean done);
    }

    @Inject
    ProspectService service;

    @Inject
    UiLocale uiLocale;

    @GET
    public TemplateInstance queue(@QueryParam("done") String done) {
        return Templates.queue(service.verificationQueue(), null, null, FormErrors.none(), done != null)
                .setLocale(uiLocale.get());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        PageInput in = new PageInput(body);
        String note = in.raw("note");
        try {
            service.verify(id, new ProspectForms.Verification("approve".equals(in.raw("decision")), note));
            return Response.seeOther(URI.create("/verification?done=1")).build();
        } catch (DomainException e) {
            if (ProblemMapper.status(e) == 404) {
                throw e;
            }
            TemplateInstance page = Templates.queue(service.verificationQueue(), id, note, FormErrors.from(e, uiLocale.get()),
                    false).setLocale(uiLocale.get());
            return Response.status(ProblemMapper.status(e)).entity(page).build();
        }
    }
}
