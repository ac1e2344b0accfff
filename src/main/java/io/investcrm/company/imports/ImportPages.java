package io.investcrm.company.imports;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.investcrm.core.DomainException;
import io.investcrm.plan.PlanService;
import io.investcrm.plan.model.RankingScope;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.Roles;
import io.investcrm.web.FormData;
import io.investcrm.web.FormErrors;
import io.investcrm.web.ProblemMapper;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Import pages: upload, the dry run's preview with rows to skip, confirm, and the run's progress (the page refreshes). */
@Path("/imports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class ImportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<ImportView> recent, FormErrors errors, boolean mayImportRankings,
                List<RankingScope> scopes, PlanService.Choices choices);

        static native TemplateInstance preview(ImportView job, FormErrors errors);
    }

    @Inject
    ImportService service;

    @Inject
    PlanService plan;

    @Inject
    CurrentUser currentUser;

    @Inject
    UiLocale uiLocale;

    @GET
    public TemplateInstance index() {
        return index(FormErrors.none());
    }

    private TemplateInstance index(FormErrors errors) {
        return Templates.index(service.recent(uiLocale.get()), errors,
                currentUser.seesAll(), List.of(RankingScope.values()),
                plan.choices(uiLocale.get())).setLocale(uiLocale.get());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@BeanParam ImportUpload upload) {
        try {
            ImportView job = service.upload(upload.kind(), upload.fileName(), upload.bytes(), upload.ranking(), uiLocale.get());
            return Response.seeOther(URI.create("/imports/" + job.id())).build();
        } catch (DomainException e) {
            if (ProblemMapper.status(e) == 403) {
                throw e;
            }
            int status = ProblemMapper.status(e);
            return Response.status(status == 415 || status == 413 ? status : 422).entity(index(FormErrors.from(e, uiLocale.get()))).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance preview(@PathParam("id") long id) {
        return Templates.preview(service.get(id, uiLocale.get()), FormErrors.none()).setLocale(uiLocale.get());
    }

    @POST
    @Path("{id}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        FormData f = new FormData(body);
        ConfirmForm.Mode mode = f.enumValue("mode", ConfirmForm.Mode.class);
        List<Integer> skip = new ArrayList<>();
        for (String s : f.list("skip")) {
            try {
                skip.add(Integer.valueOf(s));
            } catch (NumberFormatException e) {
                throw DomainException.invalid(List.of(new DomainException.FieldError("skipRows", "validation.not-a-number")));
            }
        }
        try {
            f.throwIfErrors();
            service.confirm(id, new ConfirmForm(mode, skip), uiLocale.get());
            return Response.seeOther(URI.create("/imports/" + id)).build();
        } catch (DomainException e) {
            if (ProblemMapper.status(e) == 404) {
                throw e;
            }
            return Response.status(ProblemMapper.status(e)).entity(Templates.preview(service.get(id, uiLocale.get()),
                    FormErrors.from(e, uiLocale.get())).setLocale(uiLocale.get())).build();
        }
    }
}
