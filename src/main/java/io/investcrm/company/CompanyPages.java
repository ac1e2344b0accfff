package io.investcrm.company;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

import io.investcrm.audit.AuditService;
import io.investcrm.company.contact.RevealView;
import io.investcrm.web.table.TableFormat;
import io.investcrm.company.ranking.RankingService;
import io.investcrm.company.ranking.RankingView;
import io.investcrm.company.words.CodedWords;
import io.investcrm.core.DomainException;
import io.investcrm.plan.PlanService;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.Roles;
import io.investcrm.web.FormData;
import io.investcrm.web.FormErrors;
import io.investcrm.web.PageView;
import io.investcrm.web.ProblemMapper;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The company pages: filtered list and export, detail, create (with its likely duplicates) and edit, aliases. */
@Path("/companies")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class CompanyPages {


    static final List<EntityRole> ENTITY_ROLES = List.of(EntityRole.values());

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageView<CompanySummary> result, CompanyQuery query, String pagerBase,
                String exportQuery, PlanService.Choices choices, List<RankingView> lists, List<String> stages);

        static native TemplateInstance detail(CompanyPage page);

        static native TemplateInstance form(Long id, CompanyForm form, FormErrors errors, PlanService.Choices choices,
                List<EntityRole> entityRoles, List<DuplicateView> duplicates, FormWords words);
    }

    @Inject
    CompanyService service;

    @Inject
    CompanySearch search;

    @Inject
    CompanyExporter exporter;

    @Inject
    RankingService rankings;

    @Inject
    AuditService audit;

    @Inject
    CodedWords words;

    @Inject
    PlanService plan;

    @Inject
    CompanyDetails details;

    /** Sections other features add to the detail page (matching's matches). */
    @Inject
    Instance<CompanyPanel> panels;

    /** The pipeline's stage codes, for the stage filter. */
    @Inject
    Pursuits pursuits;

    @Inject
    CurrentUser currentUser;

    @Inject
    UiLocale uiLocale;

    @GET
    public TemplateInstance list(@BeanParam CompanyQuery query) {
        String filters = query.queryString();
        return Templates.list(search.search(query.filter(), query.page, 20), query, "/companies?" + filters, filters,
                plan.choices(uiLocale.get()), rankings.lists(), stages()).setLocale(uiLocale.get());
    }

    /** Stages a list can filter by (the pipeline's codes); NONE is "nobody pursues it yet". */
    private List<String> stages() {
        return Stream.concat(Stream.of("NONE"), pursuits.stages().stream()).toList();
    }

    @GET
    @Path("export")
    @Produces({ "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    public Response export(@BeanParam CompanyQuery query, @QueryParam("format") String format, @QueryParam("lang") String lang) {
        TableFormat f = TableFormat.of(format);
        // the page's language unless the link asks for another
        java.util.Locale locale = lang == null ? uiLocale.get() : CompanyResource.exportLocale(lang);
        return CompanyResource.download(exporter.exportFile(query.filter(), f, locale), "companies." + f.extension(), f);
    }

    @GET
    @Path("new")
    public TemplateInstance createForm() {
        return form(null, inWords(CompanyForm.empty()), FormErrors.none(), List.of());
    }

    /**
     * Creating shows the likely duplicates first: a CERTAIN or PROBABLE one sends the form back with the list, and the
     * person saves anyway only by ticking "not a duplicate".
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> body) {
        FormData data = new FormData(body);
        CompanyForm form = read(data);
        try {
            data.throwIfErrors();
            service.validate(form, null);
            if (data.str("notDuplicate") == null) {
                List<DuplicateView> likely = service.duplicatesOf(form).stream()
                        .filter(d -> d.confidence() != io.investcrm.company.identity.DuplicateMatch.Confidence.POSSIBLE).toList();
                if (!likely.isEmpty()) {
                    return Response.status(409).entity(form(null, form, FormErrors.none(), likely)).build();
                }
            }
            CompanyView created = service.create(form);
            return Response.seeOther(URI.create("/companies/" + created.id() + "?saved=1")).build();
        } catch (DomainException e) {
            return rerender(null, form, e);
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("saved") String saved) {
        return detailPage(id, saved != null, null);
    }

    /** The detail page, optionally with one contact field revealed (the reveal is already audited). */
    public TemplateInstance detailPage(long id, boolean saved, RevealView revealed) {
        CompanyDetail detail = details.of(id);
        Locale locale = uiLocale.get();
        List<String> shown = panels.stream().sorted(Comparator.comparingInt(CompanyPanel::order))
                .map(p -> p.html(detail, locale)).toList();
        CompanyPage page = CompanyPage.of(detail, shown, revealed, saved, detail.live() && currentUser.seesAll(),
                currentUser.seesAll(),
                labels(detail.company(), locale));
        return Templates.detail(page).setLocale(locale);
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance editForm(@PathParam("id") long id) {
        return form(id, inWords(CompanyForm.of(service.findLive(id))), FormErrors.none(), List.of());
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
            if (ProblemMapper.status(e) == 404) {
                throw e;
            }
            return rerender(id, form, e);
        }
    }

    @POST
    @Path("{id}/aliases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addAlias(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        FormData data = new FormData(body);
        CompanyAlias.Kind kind = data.enumValue("kind", CompanyAlias.Kind.class);
        data.throwIfErrors();
        service.addAlias(id, new AliasForm(kind, data.str("name")));
        return Response.seeOther(URI.create("/companies/" + id + "?saved=1#aliases")).build();
    }

    @POST
    @Path("{id}/aliases/{aliasId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeAlias(@PathParam("id") long id, @PathParam("aliasId") long aliasId) {
        service.removeAlias(id, aliasId);
        return Response.seeOther(URI.create("/companies/" + id + "?saved=1#aliases")).build();
    }

    private Response rerender(Long id, CompanyForm form, DomainException e) {
        TemplateInstance page = form(id, form, FormErrors.from(e, uiLocale.get()), List.of());
        return Response.status(ProblemMapper.status(e) == 409 ? 409 : 422).entity(page).build();
    }

    /**
     * The form as typed: country, presence, zone and industries stay the person's words (one field, industries
     * separated by ；) for the company service to read through {@link CodedWords} (issue 15).
     */
    private CompanyForm read(FormData f) {
        List<String> industries = f.list("industries").stream().flatMap(v -> words.industryWords(v).stream()).toList();
        return new CompanyForm(f.str("nameZh"), f.str("nameEn"), f.str("nameTc"), f.str("creditCode"),
                f.str("hkCompanyNo"), f.str("lei"), f.str("hqCountry"), f.str("hqCity"),
                f.enumValue("entityRole", EntityRole.class), f.longValue("parentId"), f.str("presenceSought"),
                f.str("businessActivities"), industries, f.decimal("revenueCnyM"), f.integer("headcount"),
                f.integer("spaceNeedSqm"), f.str("preferredZone"), f.str("website"), f.integer("version"));
    }

    /** A stored company's codes as the labels people read, so the form shows (and posts back) words, not codes. */
    private CompanyForm inWords(CompanyForm f) {
        Locale l = uiLocale.get();
        return new CompanyForm(f.nameZh(), f.nameEn(), f.nameTc(), f.creditCode(), f.hkCompanyNo(), f.lei(),
                f.hqCountry() == null ? null : words.countryLabel(f.hqCountry(), l), f.hqCity(), f.entityRole(), f.parentId(),
                words.presenceLabel(f.presenceSought(), l), f.businessActivities(),
                f.industries() == null ? List.of() : f.industries().stream().map(i -> words.industryLabel(i, l)).toList(),
                f.revenueCnyM(), f.headcount(), f.spaceNeedSqm(), words.zoneLabel(f.preferredZone(), l), f.website(), f.version());
    }

    /** The form page, with the plan's choices built once and the words it suggests as people type drawn from them. */
    private TemplateInstance form(Long id, CompanyForm form, FormErrors errors, List<DuplicateView> duplicates) {
        Locale l = uiLocale.get();
        PlanService.Choices c = plan.choices(l);
        FormWords suggested = new FormWords(c.presenceKinds().stream().map(p -> words.presenceLabel(p, l)).toList(),
                c.zones().stream().map(z -> new FormWords.Word(words.zoneLabel(z.code(), l), z.label())).toList());
        return Templates.form(id, form, errors, c, ENTITY_ROLES, duplicates, suggested).setLocale(l);
    }

    private CompanyPage.Labels labels(CompanyView c, Locale l) {
        return new CompanyPage.Labels(c.hqCountry() == null ? null : words.countryLabel(c.hqCountry(), l),
                c.industries() == null ? List.of() : c.industries().stream().map(i -> words.industryLabel(i, l)).toList(),
                c.preferredZone() == null ? null : words.zoneLabel(c.preferredZone(), l));
    }
}
