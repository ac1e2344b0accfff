package io.investcrm.offer.budget;

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

/** {@code /api/subsidy-policies}: subsidy policies and their yearly budgets (committed and remaining). */
@Path("/api/subsidy-policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "offers")
public class BudgetResource {

    @Inject
    BudgetService service;

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.APPROVER, Roles.ADMIN })
    @Operation(summary = "Policies with budget, committed and remaining, newest year first (filter by year)")
    public List<PolicyView> list(@QueryParam("year") Integer year) {
        return service.list(year);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.APPROVER, Roles.ADMIN })
    @Operation(summary = "One policy's budget; 404 budget.policy.not-found")
    public PolicyView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a policy's budget for a year; 201; 409 budget.policy.duplicate")
    public Response create(PolicyForm form) {
        PolicyView created = service.create(form);
        return Response.created(URI.create("/api/subsidy-policies/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a policy's budget (send its version); 409 budget.below-committed")
    public PolicyView update(@PathParam("id") long id, PolicyForm form) {
        return service.update(id, form);
    }
}
