package io.investcrm.company;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import io.investcrm.company.contact.ContactForm;
import io.investcrm.company.contact.ContactService;
import io.investcrm.company.contact.ContactView;
import io.investcrm.web.Messages;
import io.investcrm.web.table.TableFormat;
import io.investcrm.security.Roles;
import io.investcrm.web.PageView;

/** {@code /api/companies}: the prospect companies as JSON: search, read, write, aliases, duplicates, merge, export. */
@Path("/api/companies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "companies")
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class CompanyResource {

    @Inject
    CompanyService service;

    @Inject
    CompanySearch search;

    @Inject
    CompanyExporter exporter;

    @Inject
    MergeService merges;

    @Inject
    ContactService contacts;

    @GET
    @Operation(summary = "Companies, newest change first: q (name fragment in Chinese or English, or a whole credit code/LEI), "
            + "creditCode (prefix), industry (with sub-industries), zone, list (ranking list id), owner, stage (NONE: no pursuit); "
            + "total stops counting at 1001, meaning more than 1000")
    public PageView<CompanySummary> list(@BeanParam CompanyQuery query) {
        return search.search(query.filter(), query.page, query.size);
    }

    @GET
    @Path("/export")
    @Produces({ "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    @Operation(summary = "The filtered list as CSV or XLSX (format=csv|xlsx), in the import's columns, with labels people "
            + "read: Chinese by default, English with lang=en; the file can be imported again")
    public Response export(@BeanParam CompanyQuery query, @QueryParam("format") String format, @QueryParam("lang") String lang) {
        TableFormat f = TableFormat.of(format);
        return download(exporter.exportFile(query.filter(), f, exportLocale(lang)), "companies." + f.extension(), f);
    }

    /** Exports are in Chinese unless English is asked for (issue 15): the office's files are Chinese. */
    public static java.util.Locale exportLocale(String lang) {
        return lang != null && lang.strip().toLowerCase(java.util.Locale.ROOT).startsWith("en") ? Messages.EN : Messages.ZH;
    }

    static Response download(byte[] data, String fileName, TableFormat format) {
        return Response.ok(data, format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One company (a merged record shows its survivorId)")
    public CompanyView get(@PathParam("id") long id) {
        return service.get(id);
    }

    @POST
    @Operation(summary = "Create a company; 201 with its Location. Check likely duplicates first with POST /duplicate-check")
    public Response create(CompanyForm form) {
        CompanyView created = service.create(form);
        return Response.created(URI.create("/api/companies/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Edit a company; send the version you read, a stale one answers 409")
    public CompanyView update(@PathParam("id") long id, CompanyForm form) {
        return service.update(id, form);
    }

    @POST
    @Path("/duplicate-check")
    @Operation(summary = "The records a company not yet saved would likely duplicate (CERTAIN, PROBABLE, POSSIBLE, with reasons)")
    public List<DuplicateView> duplicateCheck(CompanyForm form) {
        return service.duplicatesOf(form);
    }

    @GET
    @Path("/{id}/duplicates")
    @Operation(summary = "Likely duplicates of a company: same credit code, HK number or LEI, normalised names, same group")
    public List<DuplicateView> duplicates(@PathParam("id") long id) {
        return service.duplicates(id);
    }

    @GET
    @Path("/{id}/group")
    @Operation(summary = "The company's group: top entity, parent, direct subsidiaries or offices, group size")
    public GroupView group(@PathParam("id") long id) {
        return service.group(id);
    }

    @GET
    @Path("/{id}/memberships")
    @Operation(summary = "The company's places on ranking lists (confirmed and proposed links)")
    public List<MembershipView> memberships(@PathParam("id") long id) {
        return service.memberships(id);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Field-level change history of the company, newest first")
    public List<HistoryView> history(@PathParam("id") long id) {
        return service.history(id).stream().map(HistoryView::from).toList();
    }

    @GET
    @Path("/{id}/aliases")
    @Operation(summary = "Aliases, former names and names of merged records")
    public List<AliasView> aliases(@PathParam("id") long id) {
        return service.aliases(id);
    }

    @POST
    @Path("/{id}/aliases")
    @Operation(summary = "Add an alias or former name; 201")
    public Response addAlias(@PathParam("id") long id, AliasForm form) {
        AliasView alias = service.addAlias(id, form);
        return Response.created(URI.create("/api/companies/" + id + "/aliases/" + alias.id())).entity(alias).build();
    }

    @DELETE
    @Path("/{id}/aliases/{aliasId}")
    @Operation(summary = "Remove an alias; 204")
    public Response removeAlias(@PathParam("id") long id, @PathParam("aliasId") long aliasId) {
        service.removeAlias(id, aliasId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/contacts")
    @Operation(summary = "The company's contacts, personal data masked")
    public List<ContactView> contacts(@PathParam("id") long id) {
        return contacts.ofCompany(id);
    }

    @POST
    @Path("/{id}/contacts")
    @Operation(summary = "Add a contact (source and consent required); 201, answered masked")
    public Response createContact(@PathParam("id") long id, ContactForm form) {
        ContactView created = contacts.create(id, form);
        return Response.created(URI.create("/api/contacts/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}/merge-preview")
    @Operation(summary = "What merging record 'loser' into this one would move (contacts, activities, pursuit, entries, names)")
    public MergePreview mergePreview(@PathParam("id") long id, @QueryParam("loser") long loser) {
        return merges.preview(id, loser);
    }

    @POST
    @Path("/merge")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Merge loserId into survivorId in one transaction (managers: a merge rewrites other officers' records)")
    public CompanyView merge(MergeForm form) {
        return merges.merge(form);
    }
}
