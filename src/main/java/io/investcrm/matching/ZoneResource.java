package io.investcrm.matching;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.security.Roles;

/** {@code /api/zones/{code}/candidates}: the companies that fit a zone of 六(二) best. */
@Path("/api/zones")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "matching")
public class ZoneResource {

    @Inject
    MatchingService matching;

    @GET
    @Path("{code}/candidates")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "The companies that fit a zone best, with their pipeline stage")
    public List<CandidateView> candidates(@PathParam("code") String code,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return matching.zoneCandidates(code, limit);
    }
}
