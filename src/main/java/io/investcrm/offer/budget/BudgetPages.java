package io.investcrm.offer.budget;

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

import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.Roles;
import io.investcrm.web.FormData;
import io.investcrm.web.FormErrors;
import io.investcrm.web.ProblemMapper;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * {@code /budgets}: the subsidy policies' yearly budgets (plan 八(二)). Everyone who works with offers sees what remains;
 * admins see budget and committed too, add a policy's budget for a year and change it (never below what is committed).
 */
@Path("/budgets")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.APPROVER, Roles.ADMIN })
public class BudgetPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<PolicyView> policies, Integer year, boolean admin, PolicyForm form,
                Long failedId, FormErrors errors, boolean saved);
    }

    @Inject
    BudgetService service;

    @Inject
    CurrentUser currentUser;

    @Inject
    UiLocale uiLocale;

    @Inject
    AppClock clock;

    @GET
    public TemplateInstance index(@QueryParam("year") Integer year, @QueryParam("saved") String saved) {
        return page(year, blank(), null, FormErrors.none(), saved != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response create(MultivaluedMap<String, String> body) {
        FormData in = new FormData(body);
        PolicyForm form = read(in);
        try {
            in.throwIfErrors();
            PolicyView p = service.create(form);
            return Response.seeOther(URI.create("/budgets?saved=1&year=" + p.budgetYear())).build();
        } catch (DomainException e) {
            return refused(e, form, null);
        }
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response update(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        FormData in = new FormData(body);
        PolicyForm form = read(in);
        try {
            in.throwIfErrors();
            PolicyView p = service.update(id, form);
            return Response.seeOther(URI.create("/budgets?saved=1&year=" + p.budgetYear())).build();
        } catch (DomainException e) {
            return refused(e, form, id);
        }
    }

    private static PolicyForm read(FormData in) {
        return new PolicyForm(in.str("code"), in.str("name"), in.str("clause"), in.integer("budgetYear"),
                in.decimal("budgetCny"), in.integer("version"));
    }

    private PolicyForm blank() {
        return new PolicyForm(null, null, null, clock.today().getYear(), null, null);
    }

    /** A refused form comes back with the input and the messages (an unknown policy stays a 404). */
    private Response refused(DomainException e, PolicyForm form, Long id) {
        int status = ProblemMapper.status(e);
        if (status == 404 || status == 403) {
            throw e;
        }
        return Response.status(status == 409 ? 409 : 422).entity(page(form.budgetYear(), id == null ? form : blank(), id,
                FormErrors.from(e, uiLocale.get()), false)).build();
    }

    private TemplateInstance page(Integer year, PolicyForm form, Long failedId, FormErrors errors, boolean saved) {
        return Templates.index(service.list(year), year, currentUser.hasRole(Roles.ADMIN), form, failedId, errors, saved)
                .setLocale(uiLocale.get());
    }
}
