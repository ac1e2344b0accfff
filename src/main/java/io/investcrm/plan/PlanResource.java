package io.investcrm.plan;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.investcrm.core.DomainException;
import io.investcrm.plan.model.HqKind;
import io.investcrm.plan.model.Indicator;
import io.investcrm.plan.model.Industry;
import io.investcrm.plan.model.PlanDocument;
import io.investcrm.plan.model.PlanInfo;
import io.investcrm.plan.model.PlanSection;
import io.investcrm.plan.model.Target;
import io.investcrm.plan.model.Zone;
import io.investcrm.security.Roles;

/**
 * {@code /api/plan}: the active plan as data — sections, industries, zones, targets, indicators — and its versions.
 * (Section candidates and the gaps, under the same prefix, are matching's: {@code CandidateResource}, {@code GapResource}.)
 */
@Path("/api/plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plan")
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.APPROVER, Roles.ADMIN })
public class PlanResource {

    @Inject
    PlanService plan;

    /** The active plan's identity and the version it is loaded as. */
    public record PlanSummary(PlanInfo plan, long versionId, String versionLabel, int sections, int industries,
            int zones, int targets, int indicators) {
    }

    @GET
    @Operation(summary = "The active plan: what it is and which version")
    public PlanSummary summary() {
        PlanService.Loaded loaded = plan.active();
        PlanDocument d = loaded.document();
        return new PlanSummary(d.plan(), loaded.versionId(), loaded.versionLabel(), d.sections().size(),
                d.industries().size(), d.zones().size(), d.targets().size(), d.indicators().size());
    }

    @GET
    @Path("sections")
    @Operation(summary = "Every section of the plan with its stable ref (五(二)1, 六(二)4, 专栏9)")
    public List<PlanSection> sections() {
        return plan.document().sections();
    }

    @GET
    @Path("hq-kinds")
    @Operation(summary = "The kinds of headquarters the plan wants (五(一)1–3)")
    public List<HqKind> hqKinds() {
        return plan.document().hqKinds();
    }

    @GET
    @Path("industries")
    @Operation(summary = "The industry taxonomy as a flat list with parent codes")
    public List<Industry> industries() {
        return plan.document().industries();
    }

    @GET
    @Path("zones")
    @Operation(summary = "The eight zones of 六(二) with their priorities")
    public List<Zone> zones() {
        return plan.document().zones();
    }

    @GET
    @Path("zones/{code}")
    @Operation(summary = "One zone")
    public Zone zone(@PathParam("code") String code) {
        return plan.document().zone(code).orElseThrow(() -> DomainException.notFound("zone", code));
    }

    @GET
    @Path("targets")
    @Operation(summary = "The targets the office reports against (专栏9, 专栏10, F500 baseline, 专栏1)")
    public List<Target> targets() {
        return plan.document().targets();
    }

    @GET
    @Path("indicators")
    @Operation(summary = "The 15 indicators of 专栏1 with their 2020 values and targets")
    public List<Indicator> indicators() {
        return plan.document().indicators();
    }

    @GET
    @Path("versions")
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "Every plan version loaded, newest first")
    public List<PlanVersionView> versions() {
        return plan.versions();
    }

    @POST
    @Path("versions")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN })
    @Operation(summary = "Upload a revised plan file (YAML); it becomes the active version once it validates")
    public Response upload(String yaml) {
        PlanVersionView v = plan.upload(yaml);
        return Response.created(URI.create("/api/plan/versions/" + v.id())).entity(v).build();
    }
}
