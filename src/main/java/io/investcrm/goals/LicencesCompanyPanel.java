package io.investcrm.goals;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.investcrm.company.CompanyDetail;
import io.investcrm.company.CompanyPanel;
import io.investcrm.security.Roles;
import io.investcrm.security.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The company page's way to the firm's licences and certificates (专栏1 #10/#11 count by them, issue 10): a link for
 * the managers and admins who record them; it reads nothing, so the page keeps its statement budget.
 */
@ApplicationScoped
public class LicencesCompanyPanel implements CompanyPanel {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance panel(long companyId);
    }

    @Inject
    CurrentUser currentUser;

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String html(CompanyDetail detail, Locale locale) {
        if (!detail.live() || !(currentUser.hasRole(Roles.MANAGER) || currentUser.hasRole(Roles.ADMIN))) {
            return "";
        }
        return Templates.panel(detail.company().id()).setLocale(locale).render();
    }
}
