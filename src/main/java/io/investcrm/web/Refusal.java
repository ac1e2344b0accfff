package io.investcrm.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The answer to a request refused outside the JAX-RS resources, where {@link ProblemMapper} and the request-scoped
 * {@link UiLocale} are not at hand (a route before them: {@link RequestSizeLimit}, {@link PageFormGuard}; a response
 * filter after Quarkus' CSRF filter: {@link CsrfRefusal}): the problem+json body, or the readable page linking back
 * to the form, in the request's language.
 */
@ApplicationScoped
class Refusal {

    @Inject
    ObjectMapper json;

    @Location("request-refused.html")
    Template page;

    /** The problem+json body for this status and code ({@code error.<code>} with these arguments). */
    String problem(Locale locale, int status, String code, Object... args) {
        try {
            return json.writeValueAsString(Problem.of(status, code, Messages.format(locale, "problem.title." + status),
                    Messages.format(locale, "error." + code, args), List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The refusal page: title, detail, and a link (labelled {@code linkKey}) back to the form the person came from. */
    String page(RoutingContext ctx, Locale locale, int status, String code, String linkKey, Object... args) {
        return page.data("lang", locale.toLanguageTag()).data("title", Messages.format(locale, "problem.title." + status))
                .data("detail", Messages.format(locale, "error." + code, args)).data("back", back(ctx))
                .data("home", Messages.format(locale, linkKey)).render();
    }

    /** The form the person came from (same origin only, path and query), else the start page. */
    static String back(RoutingContext ctx) {
        String referer = ctx.request().getHeader(HttpHeaders.REFERER);
        String host = ctx.request().authority() == null ? null : ctx.request().authority().toString();
        if (referer == null || host == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            if (!host.equalsIgnoreCase(uri.getRawAuthority()) || uri.getRawPath() == null || !uri.getRawPath().startsWith("/")) {
                return "/";
            }
            return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    /** As {@link UiLocale}, which is request-scoped and not available before JAX-RS: cookie, Accept-Language, zh-CN. */
    static Locale locale(HttpServerRequest request) {
        Cookie cookie = request.getCookie(UiLocale.COOKIE);
        if (cookie != null && cookie.getValue() != null && !cookie.getValue().isBlank()) {
            return Messages.normalize(Locale.forLanguageTag(cookie.getValue()));
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (accept != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                    String lang = range.getRange().split("-")[0];
                    if ("zh".equals(lang)) {
                        return Messages.ZH;
                    }
                    if ("en".equals(lang)) {
                        return Messages.EN;
                    }
                }
            } catch (IllegalArgumentException e) {
                return Messages.ZH;
            }
        }
        return Messages.ZH;
    }
}
