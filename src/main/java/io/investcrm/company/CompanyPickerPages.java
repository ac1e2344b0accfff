package io.investcrm.company;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.investcrm.security.Roles;

/**
 * {@code /companies/suggest}: the same type-ahead for the pages' picker script, under the signed-in session (the
 * {@code /api} tenant takes bearer tokens only). Used by {@code tags/company-picker.html} and {@code /static/picker.js}.
 */
@Path("/companies/suggest")
@Produces(MediaType.APPLICATION_JSON)
public class CompanyPickerPages {

    @Inject
    CompanySearch companies;

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(hidden = true)
    public List<CompanyPick> suggest(@QueryParam("q") String q, @QueryParam("size") Integer size) {
        return CompanyPickerResource.suggestions(companies, q, size);
    }
}
