package io.investcrm.plan;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.investcrm.core.DomainException;
import io.investcrm.matching.CandidateView;
import io.investcrm.matching.GapView;
import io.investcrm.matching.MatchingService;
import io.investcrm.plan.model.Industry;
import io.investcrm.plan.model.PlanDocument;
import io.investcrm.plan.model.PlanSection;
import io.investcrm.plan.model.Zone;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.Roles;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Browsing the plan: overview → section → industries → zones → the prospects that fit; and the gap view. */
@Path("/plan")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.APPROVER, Roles.ADMIN })
public class PlanPages {

    /** A section with its depth, for an indented outline. */
    public record OutlineItem(PlanSection section, int depth, String title) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(PlanDocument plan, String versionLabel, List<OutlineItem> outline);

        static native TemplateInstance section(PlanSection section, String title, List<OutlineItem> children,
                List<Industry> industries, List<Zone> zones, List<CandidateView> candidates, boolean canSeeCompanies);

        static native TemplateInstance zone(Zone zone, List<CandidateView> candidates, boolean canSeeCompanies);

        static native TemplateInstance gaps(List<GapView> gaps);
    }

    @Inject
    PlanService plan;

    @Inject
    MatchingService matching;

    @Inject
    UiLocale uiLocale;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance index() {
        PlanService.Loaded loaded = plan.active();
        Locale locale = uiLocale.get();
        List<OutlineItem> outline = outline(loaded.document(), locale, s -> s.ref().startsWith("五") || s.ref().startsWith("六")
                || s.ref().startsWith("专栏"));
        return Templates.index(loaded.document(), loaded.versionLabel(), outline).setLocale(locale);
    }

    @GET
    @Path("sections/{ref}")
    public TemplateInstance section(@PathParam("ref") String ref) {
        PlanDocument doc = plan.document();
        Locale locale = uiLocale.get();
        PlanSection section = doc.section(ref).orElseThrow(() -> DomainException.notFound("section", ref));
        List<OutlineItem> children = doc.childSections(ref).stream()
                .map(s -> new OutlineItem(s, 0, s.title().get(locale))).toList();
        List<Zone> zones = doc.zones().stream().filter(z -> z.ref().equals(ref)
                || z.priorities().stream().anyMatch(p -> ref.equals(p.ref()))).toList();
        boolean crm = canSeeCompanies();
        return Templates.section(section, section.title().get(locale), children, doc.industriesNamedIn(ref), zones,
                crm ? matching.sectionCandidates(ref, 20) : List.of(), crm).setLocale(locale);
    }

    @GET
    @Path("zones/{code}")
    public TemplateInstance zone(@PathParam("code") String code) {
        Zone zone = plan.document().zone(code).orElseThrow(() -> DomainException.notFound("zone", code));
        boolean crm = canSeeCompanies();
        return Templates.zone(zone, crm ? matching.zoneCandidates(code, 20) : List.of(), crm).setLocale(uiLocale.get());
    }

    @GET
    @Path("gaps")
    @RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
    public TemplateInstance gaps() {
        return Templates.gaps(matching.gaps(uiLocale.get())).setLocale(uiLocale.get());
    }

    private boolean canSeeCompanies() {
        return currentUser.worksCompanies();
    }

    private static List<OutlineItem> outline(PlanDocument doc, Locale locale, java.util.function.Predicate<PlanSection> keep) {
        return doc.sections().stream().filter(keep)
                .map(s -> new OutlineItem(s, depth(doc, s), s.title().get(locale))).toList();
    }

    private static int depth(PlanDocument doc, PlanSection s) {
        int depth = 0;
        String parent = s.parent();
        while (parent != null && depth < 6) {
            depth++;
            parent = doc.section(parent).map(PlanSection::parent).orElse(null);
        }
        return depth;
    }
}
