package io.investcrm.offer.space;

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

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.investcrm.plan.PlanService;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.Roles;
import io.investcrm.core.DomainException;
import io.investcrm.web.FormData;
import io.investcrm.web.ProblemMapper;
import io.investcrm.web.FormErrors;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The space inventory pages: every building with its free area; admins add buildings and import a workbook (PRG). */
@Path("/space")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.APPROVER, Roles.ADMIN })
public class SpacePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<BuildingView> buildings, String zone, List<PlanService.Option> zones,
                boolean admin, BuildingForm form, List<OwnerType> ownerTypes, FormErrors errors, Integer imported);
    }

    @Inject
    SpaceService service;

    @Inject
    SpaceImporter importer;

    @Inject
    PlanService plan;

    @Inject
    CurrentUser currentUser;

    @Inject
    UiLocale uiLocale;

    @GET
    public TemplateInstance index(@QueryParam("zone") String zone, @QueryParam("imported") Integer imported) {
        return page(zone, empty(), FormErrors.none(), imported);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response create(MultivaluedMap<String, String> body) {
        FormData in = new FormData(body);
        BuildingForm form = new BuildingForm(in.str("zoneCode"), in.str("name"), in.str("address"),
                in.enumValue("ownerType", OwnerType.class), in.str("grade"), in.decimal("totalAreaSqm"),
                in.decimal("vacantAreaSqm"), in.integer("floors"), in.integer("units"),
                in.decimal("listedRentPerSqmMonth"), in.str("industries"), null);
        try {
            in.throwIfErrors();
            service.create(form);
            return Response.seeOther(URI.create("/space?zone=" + form.zoneCode())).build();
        } catch (DomainException e) {
            return Response.status(ProblemMapper.status(e) == 409 ? 409 : 422)
                    .entity(page(null, form, FormErrors.from(e, uiLocale.get()), null)).build();
        }
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ADMIN)
    public Response importWorkbook(@RestForm("file") FileUpload file) {
        try {
            SpaceImporter.Result r = importer.importFile(file == null ? null : file.uploadedFile());
            return Response.seeOther(URI.create("/space?imported=" + r.rows())).build();
        } catch (DomainException e) {
            return Response.status(422).entity(page(null, empty(), FormErrors.from(e, uiLocale.get()), null)).build();
        }
    }

    private static BuildingForm empty() {
        return new BuildingForm(null, null, null, OwnerType.GOVERNMENT, null, null, null, null, null, null, null, null);
    }

    private TemplateInstance page(String zone, BuildingForm form, FormErrors errors, Integer imported) {
        return Templates.index(service.list(zone), zone, plan.choices(uiLocale.get()).zones(),
                currentUser.hasRole(Roles.ADMIN), form, List.of(OwnerType.values()), errors, imported)
                .setLocale(uiLocale.get());
    }
}
