package io.investcrm.offer.approval;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.offer.OfferConfig;
import io.investcrm.security.Roles;

/** {@code /api/delegations}: a decider lends a deciding role to a colleague for a bounded time. */
@Path("/api/delegations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "offers")
@RolesAllowed({ Roles.APPROVER, Roles.MANAGER, Roles.ADMIN })
public class DelegationResource {

    @Inject
    DelegationService service;

    @Inject
    OfferConfig config;

    @GET
    @Operation(summary = "The caller's delegations, lent and borrowed (an admin sees all)")
    public List<DelegationView> list() {
        return service.list();
    }

    @POST
    @Operation(summary = "Lend one of my deciding roles from startsAt to endsAt (office time); 400 with violations")
    public Response create(DelegationForm form) {
        DelegationView created = service.create(form, config.routing().deciderRoles());
        return Response.created(URI.create("/api/delegations/" + created.id())).entity(created).build();
    }

    @POST
    @Path("/{id}/revoke")
    @Operation(summary = "End a delegation early (its delegator or an admin); 409 delegation.ended")
    public DelegationView revoke(@PathParam("id") long id) {
        return service.revoke(id);
    }
}
