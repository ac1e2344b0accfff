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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.security.Roles;

/** {@code /api/companies/suggest}: the company pickers' type-ahead as JSON for API clients (bearer token). */
@Path("/api/companies/suggest")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "companies")
public class CompanyPickerResource {

    /** A short list: a picker shows what fits on a phone, the officer types on to narrow it. */
    static final int DEFAULT_SIZE = 8;
    static final int MAX_SIZE = 20;

    @Inject
    CompanySearch companies;

    @GET
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Type-ahead: visible companies whose name, alias or credit code (or its start) fits q, newest change first")
    public List<CompanyPick> suggest(@QueryParam("q") String q, @QueryParam("size") Integer size) {
        return suggestions(companies, q, size);
    }

    static List<CompanyPick> suggestions(CompanySearch companies, String q, Integer size) {
        int n = size == null ? DEFAULT_SIZE : Math.max(1, Math.min(MAX_SIZE, size));
        return companies.suggest(q, n).stream().map(CompanyPick::from).toList();
    }
}
