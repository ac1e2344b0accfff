package io.investcrm.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
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
    Refusal refusal;

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
        Locale locale = Refusal.locale(ctx.request());
        long megabytes = maxBodySize.asLongValue() / (1024 * 1024);
        var response = ctx.response().setStatusCode(413);
        if (close) {
            // the body was never read: the connection cannot carry another request, so it ends with this answer
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(ignored -> ctx.request().connection().close());
        }
        String path = ctx.normalizedPath();
        if (path.startsWith("/api/") || !acceptsHtml(ctx.request())) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(refusal.problem(locale, 413, CODE, megabytes));
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                    .end(refusal.page(ctx, locale, 413, CODE, "action.back-to-form", megabytes));
        }
    }

    private static boolean acceptsHtml(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }
}
