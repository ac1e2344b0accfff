package io.investcrm.pipeline;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.security.Roles;
import io.investcrm.web.PageView;

/** {@code /api/prospects}: the pipeline as JSON: list, one prospect, and every action on it. */
@Path("/api/prospects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class ProspectResource {

    @Inject
    ProspectService service;

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Visible prospects, stalest first; mine=true for the caller's own; filter by stage and status")
    public PageView<ProspectSummary> list(@QueryParam("mine") Boolean mine, @QueryParam("stage") Stage stage,
            @QueryParam("status") ProspectStatus status, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return service.list(mine, stage, status, page, size);
    }

    @GET
    @Path("/verification-queue")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Landings waiting for a second person's verification")
    public List<ProspectSummary> verificationQueue() {
        return service.verificationQueue();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "One prospect with its gate facts and full history; 404 when not visible to the caller")
    public ProspectView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Probability override, expected landing date, leader (managers only), confidentiality")
    public ProspectView updateDetails(@PathParam("id") long id, ProspectForms.Details form) {
        return service.updateDetails(id, form);
    }

    @POST
    @Path("/{id}/moves")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Move to a stage; 409 for an illegal move, 422 with violations for missing gate facts")
    public ProspectView move(@PathParam("id") long id, ProspectForms.Move form) {
        return service.move(id, form);
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Change the status (on hold, lost with reason and where it went, abandoned, departed, active)")
    public ProspectView changeStatus(@PathParam("id") long id, ProspectForms.Status form) {
        return service.changeStatus(id, form);
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Take a prospect from the shared pool; 409 when someone owns it")
    public ProspectView claim(@PathParam("id") long id) {
        return service.claim(id);
    }

    @POST
    @Path("/{id}/handover")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Hand the prospect over to another officer (owner, leader or manager)")
    public ProspectView handOver(@PathParam("id") long id, ProspectForms.Handover form) {
        return service.handOver(id, form);
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Return the prospect to the shared pool")
    public ProspectView release(@PathParam("id") long id, ProspectForms.Note form) {
        return service.release(id, form);
    }

    @POST
    @Path("/{id}/verification")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Verify (approve=true) or reject a recorded landing; the owner and the recorder may not")
    public ProspectView verify(@PathParam("id") long id, ProspectForms.Verification form) {
        return service.verify(id, form);
    }
}
