package io.investcrm.company;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import io.investcrm.audit.AuditService;
import io.investcrm.matching.MatchView;
import io.investcrm.matching.MatchingService;
import io.investcrm.plan.PlanService;
import io.investcrm.security.Roles;
import io.investcrm.web.DomainException;
import io.investcrm.web.FormData;
import io.investcrm.web.FormErrors;
import io.investcrm.web.PageView;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The company pages: list with search, detail, create and edit forms (POST-redirect-GET). */
@Path("/companies")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class CompanyPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageView<CompanySummary> result, String q, String pagerBase);

        static native TemplateInstance detail(CompanyView company, List<MatchView> matches, List<AuditEvent> history,
                boolean saved);

        static native TemplateInstance form(Long id, CompanyForm form, FormErrors errors, PlanService.Choices choices);
    }

    @Inject
    CompanyService service;

    @Inject
    AuditService audit;

    @Inject
    PlanService plan;

    @Inject
    MatchingService matching;

    @Inject
    UiLocale uiLocale;

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("page") Integer page) {
        String query = q == null ? "" : q;
        String pagerBase = "/companies?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&";
        return Templates.list(service.list(q, page, 20), query, pagerBase).setLocale(uiLocale.get());
    }

    @GET
    @Path("new")
    public TemplateInstance createForm() {
        return Templates.form(null, CompanyForm.empty(), FormErrors.none(), plan.choices(uiLocale.get()))
                .setLocale(uiLocale.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> body) {
        FormData data = new FormData(body);
        CompanyForm form = read(data);
        try {
            data.throwIfErrors();
            CompanyView created = service.create(form);
            return Response.seeOther(URI.create("/companies/" + created.id() + "?saved=1")).build();
        } catch (DomainException e) {
            return rerender(null, form, e);
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("saved") String saved) {
        CompanyView company = service.get(id);
        return Templates.detail(company, matching.matches(id, uiLocale.get()), audit.history(CompanyService.AUDIT_TYPE, id),
                saved != null).setLocale(uiLocale.get());
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance editForm(@PathParam("id") long id) {
        return Templates.form(id, CompanyForm.of(service.find(id)), FormErrors.none(), plan.choices(uiLocale.get()))
                .setLocale(uiLocale.get());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        FormData data = new FormData(body);
        CompanyForm form = read(data);
        try {
            data.throwIfErrors();
            service.update(id, form);
            return Response.seeOther(URI.create("/companies/" + id + "?saved=1")).build();
        } catch (DomainException e) {
            if (e.status() == 404) {
                throw e;
            }
            return rerender(id, form, e);
        }
    }

    private Response rerender(Long id, CompanyForm form, DomainException e) {
        TemplateInstance page = Templates.form(id, form, FormErrors.from(e, uiLocale.get()), plan.choices(uiLocale.get()))
                .setLocale(uiLocale.get());
        return Response.status(e.status() == 409 ? 409 : 422).entity(page).build();
    }

    private static CompanyForm read(FormData f) {
        return new CompanyForm(f.str("nameZh"), f.str("nameEn"), f.str("nameTc"), f.str("creditCode"),
                f.str("hkCompanyNo"), f.str("lei"), f.str("hqCountry"), f.str("hqCity"),
                f.enumValue("entityRole", EntityRole.class), f.longValue("parentId"), f.str("presenceSought"),
                f.str("businessActivities"), f.list("industries"), f.decimal("revenueCnyM"), f.integer("headcount"),
                f.integer("spaceNeedSqm"), f.str("preferredZone"), f.str("website"), f.integer("version"));
    }
}
