package io.investcrm.matching;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.security.Roles;
import io.investcrm.core.DomainException;

/** {@code /api/matching/status}: the progress of the stored scores of the active plan version. */
@Path("/api/matching/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "matching")
public class MatchingStatusResource {

    @Inject
    MatchingService matching;

    @GET
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Rebuild progress of the stored match scores (REBUILDING done/total, or READY)")
    public MatchStateView status() {
        MatchStateView state = matching.state();
        if (state == null) {
            throw DomainException.notFound("matching-state", "active");
        }
        return state;
    }
}
