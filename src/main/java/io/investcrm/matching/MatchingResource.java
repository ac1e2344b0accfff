package io.investcrm.matching;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.security.Roles;
import io.investcrm.web.UiLocale;

/**
 * A company's matches: the plan sections, HQ kinds, zones and targets that want it. (Zone and section candidates and
 * the gap view are {@link ZoneResource}, {@link CandidateResource} and {@link GapResource}.)
 */
@Path("/api/companies/{id}/matches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "matching")
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class MatchingResource {

    @Inject
    MatchingService matching;

    @Inject
    UiLocale uiLocale;

    @GET
    @Operation(summary = "The plan sections, HQ kinds, zones and targets that want this company, ranked and explained")
    public List<MatchView> matches(@PathParam("id") long id) {
        return matching.matches(id, uiLocale.get());
    }
}
