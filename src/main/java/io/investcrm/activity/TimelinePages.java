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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.investcrm.company.CompanyNames;
import io.investcrm.core.DomainException;
import io.investcrm.pipeline.PageInput;
import io.investcrm.pipeline.ProspectForms;
import io.investcrm.pipeline.ProspectService;
import io.investcrm.pipeline.ProspectView;
import io.investcrm.security.Roles;
import io.investcrm.web.FormErrors;
import io.investcrm.web.ProblemMapper;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A company's timeline page (activities, stage changes, verification in one stream) and starting its pursuit.
 * Its own root path, because CompanyPages owns {@code /companies}.
 */
@Path("/companies/{id}/timeline")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class TimelinePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance timeline(long companyId, String companyName, ProspectView prospect,
                List<TimelineEntry> entries, ProspectForms.Start start, FormErrors errors, boolean saved);
    }

    @Inject
    ActivityService service;

    @Inject
    ProspectService prospects;

    @Inject
    UiLocale uiLocale;

    @Inject
    CompanyNames companyNames;

    @GET
    public TemplateInstance timeline(@PathParam("id") long companyId, @QueryParam("saved") String saved) {
        return page(companyId, ProspectForms.Start.empty(), FormErrors.none(), saved != null);
    }

    @POST
    @Path("prospect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("id") long companyId, MultivaluedMap<String, String> body) {
        PageInput in = new PageInput(body);
        ProspectForms.Start form = new ProspectForms.Start(in.checkbox("pool"), in.raw("leader"),
                in.checkbox("confidential"), in.date("expectedLandingDate"));
        try {
            in.throwIfErrors();
            ProspectView started = prospects.start(companyId, form);
            return Response.seeOther(URI.create("/pipeline/prospects/" + started.id() + "?saved=1")).build();
        } catch (DomainException e) {
            if (ProblemMapper.status(e) == 404) {
                throw e;
            }
            return Response.status(ProblemMapper.status(e) == 409 ? 409 : 422)
                    .entity(page(companyId, form, FormErrors.from(e, uiLocale.get()), false)).build();
        }
    }

    private TemplateInstance page(long companyId, ProspectForms.Start start, FormErrors errors, boolean saved) {
        List<TimelineEntry> entries = service.timeline(companyId);
        ProspectView prospect = prospects.forCompany(companyId).orElse(null);
        String name = companyNames.of(companyId);
        return Templates.timeline(companyId, name, prospect, entries, start, errors, saved).setLocale(uiLocale.get());
    }
}
