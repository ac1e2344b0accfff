package io.investcrm.offer.approval;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
import io.investcrm.offer.OfferConfig;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.Roles;
import io.investcrm.web.FormData;
import io.investcrm.web.FormErrors;
import io.investcrm.web.ProblemMapper;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** {@code /delegations}: my delegations lent and borrowed (an admin sees all); lend a deciding role; revoke (PRG). */
@Path("/delegations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.APPROVER, Roles.MANAGER, Roles.ADMIN })
public class DelegationPages {

    /** What the lend form shows: the input as typed (times as the browser sends them). */
    public record Input(String delegate, String role, String startsAt, String endsAt) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<DelegationView> delegations, List<String> roles, Input form,
                FormErrors errors, String me, boolean admin, boolean saved);
    }

    @Inject
    DelegationService service;

    @Inject
    OfferConfig config;

    @Inject
    CurrentUser currentUser;

    @Inject
    UiLocale uiLocale;

    @Inject
    AppClock clock;

    @GET
    public TemplateInstance index(@QueryParam("saved") String saved) {
        return page(blank(), FormErrors.none(), saved != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> body) {
        FormData in = new FormData(body);
        Input input = new Input(in.str("delegate"), in.str("role"), in.str("startsAt"), in.str("endsAt"));
        try {
            List<DomainException.FieldError> errors = new ArrayList<>();
            LocalDateTime starts = time(input.startsAt(), "startsAt", errors);
            LocalDateTime ends = time(input.endsAt(), "endsAt", errors);
            if (!errors.isEmpty()) {
                throw DomainException.invalid(errors);
            }
            service.create(new DelegationForm(input.delegate(), input.role(), starts, ends), config.routing().deciderRoles());
            return Response.seeOther(URI.create("/delegations?saved=1")).build();
        } catch (DomainException e) {
            if (ProblemMapper.status(e) == 404 || ProblemMapper.status(e) == 403) {
                throw e;
            }
            return Response.status(ProblemMapper.status(e) == 409 ? 409 : 422)
                    .entity(page(input, FormErrors.from(e, uiLocale.get()), false)).build();
        }
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id, MultivaluedMap<String, String> body) {
        try {
            service.revoke(id);
            return Response.seeOther(URI.create("/delegations?saved=1")).build();
        } catch (DomainException e) {
            if (ProblemMapper.status(e) == 404 || ProblemMapper.status(e) == 403) {
                throw e;
            }
            return Response.status(ProblemMapper.status(e)).entity(page(blank(), FormErrors.from(e, uiLocale.get()), false))
                    .build();
        }
    }

    /** From now for a week, in office time (what the person reads on the clock). */
    private Input blank() {
        LocalDateTime now = clock.instant().atZone(AppClock.OFFICE_ZONE).toLocalDateTime().withSecond(0).withNano(0);
        return new Input(null, null, now.toString(), now.plusDays(7).toString());
    }

    /** A datetime-local value (2026-12-01T09:00) in office time, stored as UTC like every timestamp; blank is left to validation. */
    private static LocalDateTime time(String value, String field, List<DomainException.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(AppClock.OFFICE_ZONE).withZoneSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime();
        } catch (DateTimeParseException e) {
            errors.add(new DomainException.FieldError(field, "delegation.time.invalid"));
            return null;
        }
    }

    private TemplateInstance page(Input form, FormErrors errors, boolean saved) {
        // only the deciding roles the caller holds can be lent
        List<String> mine = config.routing().deciderRoles().stream().filter(currentUser::hasRole).toList();
        return Templates.index(service.list(), mine, form, errors, currentUser.username(),
                currentUser.hasRole(Roles.ADMIN), saved).setLocale(uiLocale.get());
    }
}
