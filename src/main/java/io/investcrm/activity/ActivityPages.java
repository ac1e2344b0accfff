package io.investcrm.activity;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
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

import io.investcrm.core.DomainException;
import io.investcrm.pipeline.PageInput;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.Roles;
import io.investcrm.security.UserDirectory;
import io.investcrm.web.FormErrors;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The quick "log a visit" form (made for a phone) and one activity's page (POST-redirect-GET). */
@Path("/activities")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class ActivityPages {

    /** The visit form's input as typed (dates as the browser sent them), for re-rendering. */
    public record VisitInput(ActivityKind kind, String occurredAt, String place, List<Long> companyIds,
            List<Long> contactIds, String officers, String summary, String outcome, String nextStep,
            String followUpTitle, String followUpAssignee, String followUpDue) {

        public boolean hasCompany(Long id) {
            return companyIds.contains(id);
        }

        public boolean hasContact(Long id) {
            return contactIds.contains(id);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(VisitInput form, FormErrors errors, List<ActivityView.CompanyRef> companies,
                List<ContactRow> contacts, List<UserDirectory.Person> people, List<ActivityKind> kinds);

        static native TemplateInstance detail(ActivityView activity, boolean saved);
    }

    @Inject
    ActivityService service;

    @Inject
    UserDirectory users;

    @Inject
    CurrentUser currentUser;

    @Inject
    UiLocale uiLocale;

    @GET
    @Path("new")
    public TemplateInstance form(@QueryParam("companyId") Long companyId) {
        VisitInput empty = new VisitInput(ActivityKind.VISIT, null, null,
                companyId == null ? List.of() : List.of(companyId), List.of(), null, null, null, null, null,
                currentUser.username(), null);
        return render(empty, FormErrors.none(), companyId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response log(MultivaluedMap<String, String> body) {
        PageInput in = new PageInput(body);
        VisitInput input = new VisitInput(in.data().enumValue("kind", ActivityKind.class), in.raw("occurredAt"),
                in.raw("place"), ids(in.list("companyIds")), ids(in.list("contactIds")), in.raw("officers"),
                in.raw("summary"), in.raw("outcome"), in.raw("nextStep"), in.raw("followUpTitle"),
                in.raw("followUpAssignee"), in.raw("followUpDue"));
        try {
            List<ActivityForm.FollowUpForm> followUps = new ArrayList<>();
            var occurredAt = in.officeDateTimeAsUtc("occurredAt");
            var due = in.date("followUpDue");
            if (input.followUpTitle() != null || due != null) {
                followUps.add(new ActivityForm.FollowUpForm(input.followUpTitle(), input.followUpAssignee(), due));
            }
            in.throwIfErrors();
            List<String> officers = input.officers() == null ? List.of()
                    : Arrays.stream(input.officers().split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
            ActivityView logged = service.log(new ActivityForm(input.kind(), occurredAt, input.place(), input.companyIds(),
                    input.contactIds(), officers, input.summary(), input.outcome(), input.nextStep(), followUps));
            return Response.seeOther(URI.create("/activities/" + logged.id() + "?saved=1")).build();
        } catch (DomainException e) {
            Long company = input.companyIds().isEmpty() ? null : input.companyIds().get(0);
            return Response.status(422).entity(render(input, FormErrors.from(e, uiLocale.get()), company)).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("saved") String saved) {
        return Templates.detail(service.get(id), saved != null).setLocale(uiLocale.get());
    }

    private TemplateInstance render(VisitInput input, FormErrors errors, Long companyId) {
        List<ContactRow> contacts = companyId == null ? List.of() : service.contactsOf(companyId);
        return Templates.form(input, errors, service.companyChoices(companyId), contacts, users.people(),
                List.of(ActivityKind.values())).setLocale(uiLocale.get());
    }

    /** Ids from a multi-select; anything not a number is dropped (the service then reports the missing company). */
    private static List<Long> ids(List<String> raw) {
        List<Long> out = new ArrayList<>();
        for (String s : raw) {
            try {
                out.add(Long.valueOf(s));
            } catch (NumberFormatException e) {
                // not an id a form of ours can send
            }
        }
        return out;
    }
}
