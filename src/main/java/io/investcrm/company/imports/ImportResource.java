package io.investcrm.company.imports;

import java.net.URI;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.security.Roles;
import io.investcrm.web.UiLocale;

/**
 * {@code /api/imports}: upload a CSV or XLSX file as the request body (dry run: the report of bad rows and probable duplicates), then
 * confirm it (all-or-nothing, or skipping chosen rows) and follow its progress. Ranking lists: managers and admins.
 */
@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "imports")
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class ImportResource {

    @Inject
    ImportService service;

    @Inject
    UiLocale uiLocale;

    /**
     * The file is the request body and the fields are query parameters: bearer-token clients have no CSRF cookie, and
     * a multipart form is what the CSRF check guards (the import page uploads multipart, with its token).
     */
    @POST
    @Consumes({ "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_OCTET_STREAM })
    @Operation(summary = "Upload and check a file sent as the body (text/csv or XLSX); kind, fileName and the RANKING "
            + "fields as query parameters; 201 with the dry-run report")
    public Response uploadBody(@BeanParam ImportQuery query, byte[] body) {
        ImportUpload upload = query.toUpload();
        ImportView job = service.upload(upload.kind(), query.fileName == null ? "" : query.fileName, body, upload.ranking(),
                uiLocale.get());
        return Response.created(URI.create("/api/imports/" + job.id())).entity(job).build();
    }

    @GET
    @Operation(summary = "Your recent imports (managers and admins: everyone's)")
    public List<ImportView> recent() {
        return service.recent(uiLocale.get());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import: status, progress (processed/total), reported rows")
    public ImportView get(@PathParam("id") long id) {
        return service.get(id, uiLocale.get());
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a checked import: mode ALL (refused while rows have errors) or SKIP with skipRows "
            + "(must include every row with an error); 202, the run goes on in the background")
    public Response confirm(@PathParam("id") long id, ConfirmForm form) {
        return Response.accepted(service.confirm(id, form, uiLocale.get())).location(URI.create("/api/imports/" + id)).build();
    }
}
