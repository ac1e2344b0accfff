package io.investcrm.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request body larger than {@code quarkus.http.limits.max-body-size} (20 MB) is refused with 413 in the one error
 * format: problem+json on {@code /api} and for non-browser clients, a readable page for the forms (issue 13). Quarkus'
 * own check answers a bare 413 and closes the connection before the browser has finished sending, so this one runs
 * just before it (route order -3 against Quarkus' -2) for bodies that announce their length. The rest of the body is
 * read and dropped (never kept) so the browser reads the answer instead of a reset connection; a client that asked
 * {@code Expect: 100-continue} or announces a body beyond {@link #DRAIN_FACTOR} times the limit is answered at once
 * and the connection closed. A chunked body of unknown length is still cut by Quarkus (a bare 413) when it passes the
 * limit, since its size is known only while it is read.
 */
@ApplicationScoped
public class RequestSizeLimit {

    /** Up to this many times the limit is read and dropped so a browser sees the answer; beyond it the line is cut. */
    static final int DRAIN_FACTOR = 5;

    static final String CODE = "request.too-large";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    @Location("request-refused.html")
    Template page;

    void install(@Observes Router router) {
        router.route().order(-3).handler(this::check);
    }

    void check(RoutingContext ctx) {
        long declared = declaredLength(ctx.request());
        long limit = maxBodySize.asLongValue();
        if (declared <= limit) {
            ctx.next();
            return;
        }
        HttpServerRequest request = ctx.request();
        if (request.headers().contains(HttpHeaders.EXPECT) || declared > limit * DRAIN_FACTOR) {
            answer(ctx, true);
            return;
        }
        request.handler(ignored -> {
        });
        request.exceptionHandler(ignored -> {
        });
        request.endHandler(ignored -> answer(ctx, false));
        request.resume();
    }

    private static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void answer(RoutingContext ctx, boolean close) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        Locale locale = locale(ctx.request());
        long megabytes = maxBodySize.asLongValue() / (1024 * 1024);
        String title = Messages.format(locale, "problem.title.413");
        String detail = Messages.format(locale, "error." + CODE, megabytes);
        var response = ctx.response().setStatusCode(413);
        if (close) {
            // the body was never read: the connection cannot carry another request, so it ends with this answer
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(ignored -> ctx.request().connection().close());
        }
        String path = ctx.normalizedPath();
        if (path.startsWith("/api/") || !acceptsHtml(ctx.request())) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(problem(title, detail));
        } else {
            String html = page.data("lang", locale.toLanguageTag()).data("title", title).data("detail", detail)
                    .data("back", back(ctx)).data("home", Messages.format(locale, "action.back-to-form")).render();
            response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8").end(html);
        }
    }

    private String problem(String title, String detail) {
        try {
            return json.writeValueAsString(new Problem("urn:investcrm:problem:" + CODE, title, 413, detail, CODE, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean acceptsHtml(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
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
