package io.investcrm.matching;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.investcrm.security.Roles;
import io.investcrm.web.UiLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The gap view {@code /plan/gaps}: where the plan wants firms and the pipeline has few or none — where to hunt. */
@Path("/plan/gaps")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.OFFICER, Roles.MANAGER, Roles.ADMIN })
public class GapPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance gaps(List<GapView> gaps);
    }

    @Inject
    MatchingService matching;

    @Inject
    UiLocale uiLocale;

    @GET
    public TemplateInstance gaps() {
        return Templates.gaps(matching.gaps(uiLocale.get())).setLocale(uiLocale.get());
    }
}
