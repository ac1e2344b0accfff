package io.investcrm.pipeline;

import java.net.URI;
import java.util.List;
import java.util.Map;

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

import io.investcrm.core.DomainException;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.Roles;
import io.investcrm.security.UserDirectory;
import io.investcrm.web.FormErrors;
import io.investcrm.web.PageView;
import io.investcrm.web.ProblemMapper;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The pipeline pages: my prospects as a board and as a list, one prospect with its actions (POST-redirect-GET). */
@Path("/pipeline")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class PipelinePages {

    /** What the detail page re-renders after a refused action: which form failed, the input and the messages. */
    public record Attempt(String form, ProspectForms.Move move, ProspectForms.Status status, String handoverTo,
            String note, ProspectForms.Details details, FormErrors errors) {

        static Attempt none() {
            return new Attempt("", ProspectForms.Move.empty(), ProspectForms.Status.empty(), null, null, null, FormErrors.none());
        }

        Attempt failedWith(FormErrors e) {
            return new Attempt(form, move, status, handoverTo, note, details, e);
        }

        /** The details form shows what was typed after a refusal, else the prospect's current values. */
        Attempt withCurrentDetails(ProspectView p) {
            return details != null ? this : new Attempt(form, move, status, handoverTo, note, new ProspectForms.Details(
                    p.probabilityOverriddenValue(), p.expectedLandingDate(), p.leader(), p.confidential(), p.version()), errors);
        }

        public boolean failed(String name) {
            return form.equals(name);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(Map<Stage, List<ProspectSummary>> board, List<Stage> stages, boolean mine);

        static native TemplateInstance list(PageView<ProspectSummary> result, boolean mine, Stage stage,
                ProspectStatus status, List<Stage> stages, List<ProspectStatus> statuses, String pagerBase);

        static native TemplateInstance detail(ProspectView p, Attempt attempt, boolean canAct, boolean canVerify,
                List<Stage> stages, List<ProspectStatus> statuses, List<UserDirectory.Person> people, boolean saved);
    }

    @Inject
    ProspectService service;

    @Inject
    UserDirectory users;

    @Inject
    CurrentUser currentUser;

    @Inject
    UiLocale uiLocale;

    @GET
    public TemplateInstance board(@QueryParam("all") String all) {
        boolean mine = all == null;
        return Templates.board(service.board(mine), List.of(Stage.values()), mine).setLocale(uiLocale.get());
    }

    @GET
    @Path("list")
    public TemplateInstance list(@QueryParam("all") String all, @QueryParam("stage") Stage stage,
            @QueryParam("status") ProspectStatus status, @QueryParam("page") Integer page) {
        boolean mine = all == null;
        String base = "/pipeline/list?" + (mine ? "" : "all=1&") + (stage == null ? "" : "stage=" + stage + "&")
                + (status == null ? "" : "status=" + status + "&");
        return Templates.list(service.list(mine, stage, status, page, 50), mine, stage, status, List.of(Stage.values()),
                List.of(ProspectStatus.values()), base).setLocale(uiLocale.get());
    }

    @GET
    @Path("prospects/{id}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("saved") String saved) {
        return page(id, Attempt.none(), saved != null);
    }

    @POST
    @Path("prospects/{id}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        PageInput in = new PageInput(body);
        ProspectForms.Move form = new ProspectForms.Move(in.data().enumValue("stage", Stage.class), in.date("signedOn"),
                in.raw("agreementRef"), in.date("registeredOn"), in.raw("localCreditCode"), in.raw("landingEvidence"),
                in.raw("note"));
        return act(id, new Attempt("move", form, ProspectForms.Status.empty(), null, form.note(), null, FormErrors.none()), () -> {
            in.throwIfErrors();
            service.move(id, form);
        });
    }

    @POST
    @Path("prospects/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response status(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        PageInput in = new PageInput(body);
        ProspectForms.Status form = new ProspectForms.Status(in.data().enumValue("status", ProspectStatus.class),
                in.raw("reason"), in.raw("lostTo"), in.date("departedOn"));
        return act(id, new Attempt("status", ProspectForms.Move.empty(), form, null, null, null, FormErrors.none()), () -> {
            in.throwIfErrors();
            service.changeStatus(id, form);
        });
    }

    @POST
    @Path("prospects/{id}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        return act(id, attempt("claim", null, null), () -> service.claim(id));
    }

    @POST
    @Path("prospects/{id}/handover")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response handOver(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        PageInput in = new PageInput(body);
        String to = in.raw("to");
        String note = in.raw("note");
        return act(id, attempt("handover", to, note), () -> service.handOver(id, new ProspectForms.Handover(to, note)));
    }

    @POST
    @Path("prospects/{id}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        String note = new PageInput(body).raw("note");
        return act(id, attempt("release", null, note), () -> service.release(id, new ProspectForms.Note(note)));
    }

    @POST
    @Path("prospects/{id}/details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response details(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        PageInput in = new PageInput(body);
        ProspectForms.Details form = new ProspectForms.Details(in.data().integer("probability"),
                in.date("expectedLandingDate"), in.raw("leader"), in.checkbox("confidential"), in.data().integer("version"));
        Attempt attempt = new Attempt("details", ProspectForms.Move.empty(), ProspectForms.Status.empty(), null, null, form,
                FormErrors.none());
        return act(id, attempt, () -> {
            in.throwIfErrors();
            service.updateDetails(id, form);
        });
    }

    private Attempt attempt(String form, String to, String note) {
        return new Attempt(form, ProspectForms.Move.empty(), ProspectForms.Status.empty(), to, note, null, FormErrors.none());
    }

    /** Runs an action; success redirects (PRG), a refusal re-renders the page with the input and the messages. */
    private Response act(long id, Attempt attempt, Action action) {
        try {
            action.run();
            return Response.seeOther(URI.create("/pipeline/prospects/" + id + "?saved=1")).build();
        } catch (DomainException e) {
            if (ProblemMapper.status(e) == 404 || ProblemMapper.status(e) == 403) {
                throw e;
            }
            Attempt failed = attempt.failedWith(FormErrors.from(e, uiLocale.get()));
            return Response.status(ProblemMapper.status(e) == 409 ? 409 : 422).entity(page(id, failed, false)).build();
        }
    }

    private TemplateInstance page(long id, Attempt attempt, boolean saved) {
        ProspectView p = service.get(id);
        boolean canVerify = currentUser.seesAll();
        return Templates.detail(p, attempt.withCurrentDetails(p), service.canAct(id), canVerify, List.of(Stage.values()),
                List.of(ProspectStatus.values()), users.people(), saved).setLocale(uiLocale.get());
    }

    /** A page action that may be refused with a DomainException. */
    interface Action {
        void run();
    }
}
