package io.investcrm.web;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * A page form whose CSRF token is missing or does not match the cookie (a form left open while another page was
 * loaded in a second tab, see SECURITY.md) is refused by Quarkus' CSRF filter with 400 and no body: the officer saw a
 * blank page (issue 13, "every bad input gets a 4xx and a clear message"). The refusal stays a 400, now with a
 * readable page saying the form expired and linking back to it (same-origin Referer only, as for 413), or
 * problem+json with code {@value #CODE} for a caller that asks for JSON. A malformed token never gets here: it is an
 * exception mapped by {@link ProblemMapper} ("csrf.malformed").
 */
public class CsrfRefusal {

    static final String CODE = "csrf.invalid";

    /** Set by Quarkus' CSRF filter (CsrfRequestResponseReactiveFilter) once the token of the request was verified. */
    static final String VERIFIED = "csrf_token_verified";

    @Inject
    Refusal refusal;

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response, RoutingContext ctx) {
        if (!isCsrfRefusal(response.getStatus(), response.hasEntity(), request.getMethod(), ctx.normalizedPath(),
                ctx.get(VERIFIED) != null)) {
            return;
        }
        Locale locale = Refusal.locale(ctx.request());
        if (wantsJson(ctx.request().getHeader(HttpHeaders.ACCEPT))) {
            response.setEntity(refusal.problem(locale, 400, CODE), null, MediaType.valueOf(Problem.MEDIA_TYPE));
        } else {
            response.setEntity(refusal.page(ctx, locale, 400, CODE, "action.reopen-form"), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    /**
     * The CSRF filter's refusal: an empty 400 to a state-changing page request whose token was not verified. Every
     * other 400 of the application carries a body (ProblemMapper, PageFormGuard), and /api is bearer-only, no CSRF.
     */
    static boolean isCsrfRefusal(int status, boolean hasEntity, String method, String path, boolean verified) {
        return status == 400 && !hasEntity && !verified && PageFormGuard.mustBeForm(method, path);
    }

    /**
     * A script's request (axios' default Accept: JSON first, then anything), not a browser's page load, which names
     * text/html. A caller that accepts only JSON never gets here: the page's content negotiation answers 406 first.
     */
    static boolean wantsJson(String accept) {
        if (accept == null) {
            return false;
        }
        String value = accept.toLowerCase(Locale.ROOT);
        return (value.contains("application/json") || value.contains("application/problem+json")) && !value.contains("text/html");
    }
}
