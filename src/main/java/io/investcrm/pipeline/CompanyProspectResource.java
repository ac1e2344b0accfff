package io.investcrm.pipeline;

import java.net.URI;

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

import io.investcrm.core.DomainException;
import io.investcrm.security.Roles;

/**
 * {@code /api/companies/{id}/prospect}: the pursuit of one company. Its own root path, because CompanyResource owns
 * {@code /api/companies} and JAX-RS matches root resources by their literal path first.
 */
@Path("/api/companies/{id}/prospect")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class CompanyProspectResource {

    @Inject
    ProspectService service;

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "The company's prospect; 404 when it is not pursued or not visible")
    public ProspectView get(@PathParam("id") long companyId) {
        return service.forCompany(companyId).orElseThrow(() -> DomainException.notFound("prospect", companyId));
    }

    @POST
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Start pursuing the company (LEAD); 201 with its Location, 409 when already pursued")
    public Response start(@PathParam("id") long companyId, ProspectForms.Start form) {
        ProspectView created = service.start(companyId, form);
        return Response.created(URI.create("/api/prospects/" + created.id())).entity(created).build();
    }
}
