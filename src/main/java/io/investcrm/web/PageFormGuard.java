package io.investcrm.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The CSRF rule for pages in one place (issue 13, #6). Quarkus' CSRF filter checks the token of form posts but lets a
 * POST of any other content type through unchecked (it must, for the bearer-only JSON API under {@code /api}). Here,
 * before any resource runs, every state-changing request outside {@code /api} and {@code /q} must be a form
 * ({@code x-www-form-urlencoded} or {@code multipart/form-data}) or carry the token header, so the token check always
 * applies. A malformed token is answered 400 by {@link ProblemMapper} (#11).
 */
@ApplicationScoped
public class PageFormGuard {

    /** The header of Quarkus' CSRF filter (default name, not overridden in application.properties). */
    static final String HEADER = "X-CSRF-TOKEN";

    @Inject
    Refusal refusal;

    void install(@Observes Router router) {
        // before the application's routes (RESTEasy Reactive's are ordered after the default 0)
        router.route().order(-1000).handler(this::check);
    }

    void check(RoutingContext rc) {
        if (mustBeForm(rc.request().method().name(), rc.normalizedPath()) && !isForm(rc.request().getHeader("Content-Type"))
                && rc.request().getHeader(HEADER) == null) {
            rc.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(refusal.problem(Refusal.locale(rc.request()), 400, "csrf.form-required"));
            return;
        }
        rc.next();
    }

    static boolean mustBeForm(String method, String path) {
        boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        return !safe && !path.equals("/api") && !path.startsWith("/api/") && !path.startsWith("/q/");
    }

    static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data");
    }
}
