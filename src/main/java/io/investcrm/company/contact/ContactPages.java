package io.investcrm.company.contact;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.investcrm.audit.AuditEvent;
import io.investcrm.company.CompanyPages;
import io.investcrm.company.CompanyService;
import io.investcrm.company.CompanyView;
import io.investcrm.core.DomainException;
import io.investcrm.security.Roles;
import io.investcrm.web.FormData;
import io.investcrm.web.FormErrors;
import io.investcrm.web.ProblemMapper;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Contact forms, the reveal button (answers the company page with the one field shown), export and erasure. */
@Path("/contacts")
@Produces(MediaType.TEXT_HTML)
public class ContactPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Long id, CompanyView company, ContactForm form, ContactView current,
                FormErrors errors, List<Consent> consents, List<AuditEvent> history);
    }

    @Inject
    ContactService service;

    @Inject
    CompanyService companies;

    @Inject
    CompanyPages companyPages;

    @Inject
    UiLocale uiLocale;

    @GET
    @Path("new")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public TemplateInstance createForm(@QueryParam("company") long companyId) {
        return Templates.form(null, companies.get(companyId), ContactForm.empty(), null, FormErrors.none(),
                List.of(Consent.values()), List.of()).setLocale(uiLocale.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public Response create(@QueryParam("company") long companyId, MultivaluedMap<String, String> body) {
        FormData data = new FormData(body);
        ContactForm form = read(data, true);
        try {
            data.throwIfErrors();
            service.create(companyId, form);
            return Response.seeOther(URI.create("/companies/" + companyId + "?saved=1#contacts")).build();
        } catch (DomainException e) {
            if (ProblemMapper.status(e) == 404) {
                throw e;
            }
            return Response.status(ProblemMapper.status(e) == 409 ? 409 : 422).entity(Templates.form(null, companies.get(companyId), form,
                    null, FormErrors.from(e, uiLocale.get()), List.of(Consent.values()), List.of()).setLocale(uiLocale.get()))
                    .build();
        }
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public TemplateInstance editForm(@PathParam("id") long id) {
        ContactView c = service.get(id);
        ContactForm form = new ContactForm(null, c.title(), null, null, null, c.source(), c.consent(), c.consentAt(),
                c.consentNote(), c.version());
        return Templates.form(id, companies.get(c.companyId()), form, c, FormErrors.none(), List.of(Consent.values()),
                service.history(id)).setLocale(uiLocale.get());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        FormData data = new FormData(body);
        ContactForm form = read(data, false);
        ContactView current = service.get(id);
        try {
            data.throwIfErrors();
            service.update(id, form);
            return Response.seeOther(URI.create("/companies/" + current.companyId() + "?saved=1#contacts")).build();
        } catch (DomainException e) {
            if (ProblemMapper.status(e) == 404) {
                throw e;
            }
            return Response.status(ProblemMapper.status(e) == 409 ? 409 : 422).entity(Templates.form(id, companies.get(current.companyId()),
                    form, current, FormErrors.from(e, uiLocale.get()), List.of(Consent.values()), service.history(id))
                    .setLocale(uiLocale.get())).build();
        }
    }

    /** Shows one field in full on the company page; not a redirect, so the value is never in a URL or the history. */
    @POST
    @Path("{id}/reveal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER })
    public TemplateInstance reveal(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        RevealView revealed = service.reveal(id, ContactResource.field(new FormData(body).str("field")));
        return companyPages.detailPage(service.get(id).companyId(), false, revealed);
    }

    @POST
    @Path("{id}/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    public Response erase(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        ContactView erased = service.erase(id, new FormData(body).str("reason"));
        return Response.seeOther(URI.create("/companies/" + erased.companyId() + "?saved=1#contacts")).build();
    }

    @GET
    @Path("{id}/personal-data")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MANAGER)
    public Response personalData(@PathParam("id") long id) {
        return Response.ok(service.export(id)).header("Content-Disposition",
                "attachment; filename=\"contact-" + id + "-personal-data.json\"").build();
    }

    /** On edit a blank personal field keeps the stored value: the editor may not be allowed to see it. */
    private static ContactForm read(FormData f, boolean creating) {
        return new ContactForm(keep(f.str("name"), creating), f.str("title") == null ? "" : f.str("title"),
                keep(f.str("phone"), creating), keep(f.str("email"), creating), keep(f.str("wechat"), creating),
                f.str("source"), f.enumValue("consent", Consent.class), null, f.str("consentNote"), f.integer("version"));
    }

    private static String keep(String value, boolean creating) {
        return value == null && creating ? "" : value;
    }
}
