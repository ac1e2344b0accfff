package io.investcrm.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.investcrm.core.DomainException;
import io.investcrm.plan.model.Industry;
import io.investcrm.plan.model.PlanDocument;
import io.investcrm.plan.model.PlanSection;
import io.investcrm.plan.model.Zone;
import io.investcrm.security.Roles;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Browsing the plan: overview → section → industries → zones. Other features add their panels to the section and zone
 * pages through {@link PlanPanel} (matching's best-fitting companies, offer's free space); the gap view is matching's.
 */
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
                List<Industry> industries, List<Zone> zones, List<String> panels);

        static native TemplateInstance zone(Zone zone, List<String> panels);
    }

    @Inject
    PlanService plan;

    /** Sections other features add to the section and zone pages. */
    @Inject
    Instance<PlanPanel> panels;

    @Inject
    UiLocale uiLocale;

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
        return Templates.section(section, section.title().get(locale), children, doc.industriesNamedIn(ref), zones,
                panels(p -> p.section(section, locale))).setLocale(locale);
    }

    @GET
    @Path("zones/{code}")
    public TemplateInstance zone(@PathParam("code") String code) {
        Zone zone = plan.document().zone(code).orElseThrow(() -> DomainException.notFound("zone", code));
        Locale locale = uiLocale.get();
        return Templates.zone(zone, panels(p -> p.zone(zone, locale))).setLocale(locale);
    }

    /** The features' panels in their order, leaving out those with nothing for this reader. */
    private List<String> panels(Function<PlanPanel, String> html) {
        return panels.stream().sorted(Comparator.comparingInt(PlanPanel::order)).map(html)
                .filter(h -> h != null && !h.isBlank()).toList();
    }

    private static List<OutlineItem> outline(PlanDocument doc, Locale locale, Predicate<PlanSection> keep) {
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
