package io.investcrm.matching;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.security.Roles;
import io.investcrm.web.UiLocale;

/** {@code /api/plan/gaps}: the plan's priorities with no or few prospects in the pipeline (matching's judgement). */
@Path("/api/plan/gaps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "matching")
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class GapResource {

    @Inject
    MatchingService matching;

    @Inject
    UiLocale uiLocale;

    @GET
    @Operation(summary = "Priorities of the plan with no or few prospects in the pipeline: where to hunt")
    public List<GapView> gaps() {
        return matching.gaps(uiLocale.get());
    }
}
