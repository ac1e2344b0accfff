package io.investcrm.offer.space;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.security.Roles;

/** {@code /api/space/buildings}: the space inventory (载体) as JSON; admins keep it, by hand or from a workbook. */
@Path("/api/space/buildings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "space")
public class SpaceResource {

    @Inject
    SpaceService service;

    @Inject
    SpaceImporter importer;

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.APPROVER, Roles.ADMIN })
    @Operation(summary = "Buildings of the inventory (optionally of one zone) with their vacant, held, committed and free area")
    public List<BuildingView> list(@QueryParam("zone") String zone) {
        return service.list(zone);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.APPROVER, Roles.ADMIN })
    @Operation(summary = "One building; 404 space.building.not-found")
    public BuildingView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a building; 201 with its Location; 409 space.building.duplicate for a zone's name twice")
    public Response create(BuildingForm form) {
        BuildingView created = service.create(form);
        return Response.created(URI.create("/api/space/buildings/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a building (send its version); 409 space.below-promised when the vacant area would "
            + "drop below what offers hold and committed")
    public BuildingView update(@PathParam("id") long id, BuildingForm form) {
        return service.update(id, form);
    }

    @POST
    @Path("/import")
    @Consumes({ "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_OCTET_STREAM })
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import buildings from an XLSX workbook sent as the body (first sheet, header row; see README): "
            + "all rows or none, 400 with each bad row's violations")
    public SpaceImporter.Result importWorkbook(byte[] body) {
        return importer.importBytes(body);
    }
}
