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

/**
 * {@code /api/plan/sections/{ref}/candidates}: the companies that fit a plan section best. It sits under the plan's
 * URLs but is matching's answer (the plan resource owns the shorter {@code /api/plan}; the longer root path wins).
 */
@Path("/api/plan/sections/{ref}/candidates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "matching")
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class CandidateResource {

    @Inject
    MatchingService matching;

    @GET
    @Operation(summary = "The companies that fit a plan section best, with their pipeline stage")
    public List<CandidateView> sectionCandidates(@PathParam("ref") String ref,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return matching.sectionCandidates(ref, limit);
    }
}
