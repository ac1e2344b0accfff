package io.investcrm.activity;

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

/**
 * {@code /api/companies/{id}/timeline}: activities and pipeline events of a company in one stream. Its own root
 * path, because CompanyResource owns {@code /api/companies}.
 */
@Path("/api/companies/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "activities")
public class TimelineResource {

    @Inject
    ActivityService service;

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "The company's timeline, newest first; 404 when the company is unknown or hidden")
    public List<TimelineEntry> timeline(@PathParam("id") long companyId) {
        return service.timeline(companyId);
    }
}
