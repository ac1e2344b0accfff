package io.investcrm.company.contact;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.company.HistoryView;
import io.investcrm.core.DomainException;
import io.investcrm.security.Roles;

/**
 * {@code /api/contacts}: people at the firms, masked (a company's list and new contacts: {@code /api/companies/{id}/contacts}). Reveal: officers and
 * managers (object-level rule in {@link ContactService#mayReveal}); export of a person's data and erasure: managers
 * and admins, on the person's request.
 */
@Path("/api/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "contacts")
public class ContactResource {

    @Inject
    ContactService service;

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "One contact, masked")
    public ContactView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Edit a contact; a null personal field keeps its value, \"\" clears it; stale version → 409")
    public ContactView update(@PathParam("id") long id, ContactForm form) {
        return service.update(id, form);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Path("/{id}/reveal")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER })
    @Operation(summary = "One personal field in full (field=NAME|PHONE|EMAIL|WECHAT); audited as 'reveal' with the field")
    public RevealView reveal(@PathParam("id") long id, @QueryParam("field") String field) {
        return service.reveal(id, field(field));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Field-level history of the contact (masked values), reveals and exports included")
    public List<HistoryView> history(@PathParam("id") long id) {
        return service.history(id).stream().map(HistoryView::from).toList();
    }

    @GET
    @Path("/{id}/personal-data")
    @RolesAllowed(Roles.MANAGER)
    @Operation(summary = "Everything held about the person, in full, for the person's request (PIPL art. 45); audited")
    public PersonalDataExport export(@PathParam("id") long id) {
        return service.export(id);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Path("/{id}/erase")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Erase the person's data on request (PIPL art. 47): a tombstone and an audit row remain")
    public ContactView erase(@PathParam("id") long id, @QueryParam("reason") String reason) {
        return service.erase(id, reason);
    }

    static PiiField field(String value) {
        try {
            return PiiField.valueOf(value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(List.of(new DomainException.FieldError("field", "validation.invalid-choice")));
        }
    }
}
