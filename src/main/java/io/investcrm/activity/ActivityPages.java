package io.investcrm.activity;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

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

import io.investcrm.company.HistoryView;
import io.investcrm.core.DomainException;
import io.investcrm.pipeline.PageInput;
import io.investcrm.pipeline.TimeExtensions;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.Roles;
import io.investcrm.security.UserDirectory;
import io.investcrm.web.FormData;
import io.investcrm.web.FormErrors;
import io.investcrm.web.ProblemMapper;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The quick "log a visit" form (made for a phone: companies picked by typing, follow-up rows added as needed), one
 * activity's page, and its correction and deletion (POST-redirect-GET).
 */
@Path("/activities")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class ActivityPages {

    /** The visit form's input as typed (dates as the browser sent them), for re-rendering; version only when correcting. */
    public record VisitInput(ActivityKind kind, String occurredAt, String place, List<ActivityView.CompanyRef> companies,
            List<Long> contactIds, String officers, String summary, String outcome, String nextStep,
            List<FollowUpRow> followUps, Integer version) {

        public boolean hasContact(Long id) {
            return contactIds.contains(id);
        }
    }

    /** One follow-up row of the visit form as typed. */
    public record FollowUpRow(String title, String assignee, String due) {

        boolean isBlank() {
            return (title == null || title.isBlank()) && (due == null || due.isBlank());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(VisitInput form, FormErrors errors, Long activityId, List<ContactRow> contacts,
                List<UserDirectory.Person> people, List<ActivityKind> kinds);

        static native TemplateInstance detail(ActivityView activity, boolean saved, List<HistoryView> history);
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
                service.companyRefs(companyId == null ? List.of() : List.of(companyId)), List.of(), null, null, null, null,
                List.of(new FollowUpRow(null, currentUser.username(), null)), null);
        return render(empty, FormErrors.none(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response log(MultivaluedMap<String, String> body) {
        PageInput in = new PageInput(body);
        VisitInput input = read(in, null);
        try {
            var occurredAt = in.officeDateTimeAsUtc("occurredAt");
            List<ActivityForm.FollowUpForm> followUps = followUps(input.followUps(), in);
            in.throwIfErrors();
            ActivityView logged = service.log(new ActivityForm(input.kind(), occurredAt, input.place(), ids(input),
                    input.contactIds(), officers(input), input.summary(), input.outcome(), input.nextStep(), followUps));
            return Response.seeOther(URI.create("/activities/" + logged.id() + "?saved=1")).build();
        } catch (DomainException e) {
            return Response.status(ProblemMapper.status(e)).entity(render(input, FormErrors.from(e, uiLocale.get()), null)).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("saved") String saved) {
        ActivityView activity = service.get(id);
        List<HistoryView> history = service.history(id).stream().map(HistoryView::from).toList();
        return Templates.detail(activity, saved != null, history).setLocale(uiLocale.get());
    }

    /** The correction form, filled with the activity as it stands (its author, managers and admins). */
    @GET
    @Path("{id}/edit")
    public TemplateInstance editForm(@PathParam("id") long id) {
        ActivityView a = service.get(id);
        if (!a.correctable()) {
            throw DomainException.forbidden("activity.not-yours");
        }
        String others = a.officers().stream().filter(o -> !o.equals(a.createdBy())).collect(Collectors.joining(", "));
        VisitInput input = new VisitInput(a.kind(), TimeExtensions.officeInput(a.occurredAt()), a.place(), a.companies(),
                a.contactIds(), others, a.summary(), a.outcome(), a.nextStep(), List.of(), a.version());
        return render(input, FormErrors.none(), id);
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        PageInput in = new PageInput(body);
        VisitInput input = read(in, in.data().integer("version"));
        try {
            var occurredAt = in.officeDateTimeAsUtc("occurredAt");
            in.throwIfErrors();
            service.correct(id, new ActivityEditForm(input.version(), input.kind(), occurredAt, input.place(), ids(input),
                    input.contactIds(), officers(input), input.summary(), input.outcome(), input.nextStep()));
            return Response.seeOther(URI.create("/activities/" + id + "?saved=1")).build();
        } catch (DomainException e) {
            if (ProblemMapper.status(e) == 404 || ProblemMapper.status(e) == 403) {
                throw e;
            }
            return Response.status(ProblemMapper.status(e)).entity(render(input, FormErrors.from(e, uiLocale.get()), id)).build();
        }
    }

    /** Deletes a mistaken entry within the grace period; back to the first firm's timeline. */
    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        FormData f = new FormData(body);
        ActivityView a = service.get(id);
        service.delete(id, f.integer("version"));
        String back = a.companies().isEmpty() ? "/pipeline" : "/companies/" + a.companies().get(0).id() + "/timeline";
        return Response.seeOther(URI.create(back)).build();
    }

    private VisitInput read(PageInput in, Integer version) {
        List<String> titles = in.list("followUpTitle");
        List<String> assignees = in.list("followUpAssignee");
        List<String> dues = in.list("followUpDue");
        List<FollowUpRow> rows = new ArrayList<>();
        int n = Math.max(titles.size(), Math.max(assignees.size(), dues.size()));
        for (int i = 0; i < n; i++) {
            rows.add(new FollowUpRow(at(titles, i), at(assignees, i), at(dues, i)));
        }
        return new VisitInput(in.data().enumValue("kind", ActivityKind.class), in.raw("occurredAt"), in.raw("place"),
                service.companyRefs(ids(in.list("companyIds"))), ids(in.list("contactIds")), in.raw("officers"),
                in.raw("summary"), in.raw("outcome"), in.raw("nextStep"), rows, version);
    }

    /** The follow-up rows the officer filled in (empty rows are skipped); a date that is not one is reported per row. */
    private static List<ActivityForm.FollowUpForm> followUps(List<FollowUpRow> rows, PageInput in) {
        List<ActivityForm.FollowUpForm> out = new ArrayList<>();
        List<DomainException.FieldError> errors = new ArrayList<>();
        for (FollowUpRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            LocalDate due = null;
            if (row.due() != null && !row.due().isBlank()) {
                try {
                    due = LocalDate.parse(row.due().strip());
                } catch (DateTimeParseException e) {
                    errors.add(new DomainException.FieldError("followUps[" + out.size() + "].dueOn", "validation.invalid-date"));
                }
            }
            out.add(new ActivityForm.FollowUpForm(row.title(), row.assignee(), due));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return out;
    }

    private TemplateInstance render(VisitInput input, FormErrors errors, Long activityId) {
        List<ContactRow> contacts = new ArrayList<>();
        // the people of the chosen firms (the first few: a visit meets a handful of firms)
        input.companies().stream().limit(5).forEach(c -> contacts.addAll(service.contactsOf(c.id())));
        List<FollowUpRow> rows = input.followUps().isEmpty() && activityId == null
                ? List.of(new FollowUpRow(null, currentUser.username(), null)) : input.followUps();
        VisitInput shown = new VisitInput(input.kind(), input.occurredAt(), input.place(), input.companies(),
                input.contactIds(), input.officers(), input.summary(), input.outcome(), input.nextStep(), rows, input.version());
        return Templates.form(shown, errors, activityId, contacts, users.people(), List.of(ActivityKind.values()))
                .setLocale(uiLocale.get());
    }

    private static List<Long> ids(VisitInput input) {
        return input.companies().stream().map(ActivityView.CompanyRef::id).toList();
    }

    private static List<String> officers(VisitInput input) {
        return input.officers() == null ? List.of()
                : Arrays.stream(input.officers().split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : null;
    }

    /** Ids from the picker's hidden fields; anything not a number is dropped (the service then reports the missing company). */
    private static List<Long> ids(List<String> raw) {
        List<Long> out = new ArrayList<>();
        for (String s : raw) {
            try {
                out.add(Long.valueOf(s.strip()));
            } catch (NumberFormatException e) {
                // not an id a form of ours can send
            }
        }
        return out;
    }
}
