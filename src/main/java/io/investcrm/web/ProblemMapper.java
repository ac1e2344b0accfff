package io.investcrm.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.transaction.xa.XAException;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.ForbiddenException;

import io.investcrm.core.Conflict;
import io.investcrm.core.DomainException;
import io.investcrm.core.Invalid;
import io.investcrm.core.NotFound;
import io.investcrm.core.Refused;

/**
 * The one place where failures become answers: {@code application/problem+json} on {@code /api}, a localized error
 * page elsewhere. Clients see a stable code and a message, never a stack trace or a class name.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    UiLocale uiLocale;

    @Inject
    UriInfo uriInfo;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Location("error.html")
    Template errorPage;

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (DomainException.FieldError fe : e.violations()) {
            violations.add(new Problem.Violation(fe.field(), Messages.format(locale(), fe.messageKey(), fe.args())));
        }
        return answer(status(e), e.code(), e.args(), violations);
    }

    /** The HTTP status of a domain refusal: decided here only (pages re-rendering a form ask this too). */
    public static int status(DomainException e) {
        if (e instanceof NotFound) {
            return 404;
        }
        if (e instanceof Refused) {
            return 403;
        }
        if (e instanceof Conflict) {
            return 409;
        }
        return switch (((Invalid) e).kind()) {
            case REQUEST -> 400;
            case FORMAT -> 415;
            case RULE -> 422;
            case TOO_LARGE -> 413;
        };
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), Messages.format(locale(), v.getMessageTemplate().replaceAll("[{}]", ""))))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return answer(400, "validation.failed", new Object[0], violations);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response stale(Exception e) {
        return answer(409, "conflict.stale", new Object[0], List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return answer(403, "forbidden", new Object[0], List.of());
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response malformed(Exception e) {
        return answer(400, "request.malformed", new Object[0], List.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 302 || status == 303) {
            return e.getResponse();
        }
        if (status == 413) {
            return tooLarge();
        }
        String code = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406, 415 -> "media-type";
            case 400 -> "request.malformed";
            case 429 -> "rate-limited";
            default -> "http." + status;
        };
        return answer(status, code, new Object[0], List.of());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        if (concurrentChange(e)) {
            return stale(e instanceof Exception ex ? ex : new IllegalStateException(e));
        }
        if (databaseUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return Response.fromResponse(answer(503, "database.unavailable", new Object[0], List.of()))
                    .header("Retry-After", "1").build();
        }
        if (e instanceof IllegalArgumentException && fromCsrfFilter(e)) {
            // a CSRF token that is not even base64: bad input, not a failure (issue 13, #11)
            return answer(400, "csrf.malformed", new Object[0], List.of());
        }
        if (e instanceof IOException && "Request too large".equals(e.getMessage())) {
            // Quarkus cut a chunked body at the size limit: the client's fault, not a failure (issue 13)
            return tooLarge();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return answer(500, "internal", new Object[] { incident }, List.of());
    }

    /** A body beyond {@code quarkus.http.limits.max-body-size} that reached a resource (see {@link RequestSizeLimit}). */
    private Response tooLarge() {
        return answer(413, RequestSizeLimit.CODE, new Object[] { maxBodySize.asLongValue() / (1024 * 1024) }, List.of());
    }

    private static boolean fromCsrfFilter(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("io.quarkus.csrf.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A stale version or a deadlock with a concurrent write of the same record, however deep in the causes (at commit
     * they arrive wrapped in the transaction's rollback): nothing was applied, the client reads again (issue 14: 32 of
     * 600 concurrent prospect edits answered 500 — two transactions inserting a history row that points to the
     * prospect, then updating the prospect, deadlock in InnoDB).
     */
    static boolean concurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof PessimisticLockException || t instanceof LockAcquisitionException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database cannot be reached, or no pooled connection came free in time: a retry will do (a create with the
     * same Idempotency-Key, so it is applied once), so 503 with Retry-After rather than 500 (issue 14: the
     * database-crash drill and the 64-client lost-update run met these as 500 "internal").
     */
    static boolean databaseUnavailable(Throwable e) {
        return databaseUnavailable(e, 0);
    }

    /** Through causes and suppressed exceptions: a commit that lost its connection shows it only as suppressed. */
    private static boolean databaseUnavailable(Throwable t, int depth) {
        if (t == null || depth > 12) {
            return false;
        }
        if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                || String.valueOf(sql.getMessage()).contains("cquisition timeout"))) {
            return true;
        }
        if (t instanceof XAException && String.valueOf(t.getMessage()).contains("Communications link failure")) {
            // the pool's local commit lost its connection (Connector/J's words; the SQLException is not attached)
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (databaseUnavailable(s, depth + 1)) {
                return true;
            }
        }
        return t.getCause() != t && databaseUnavailable(t.getCause(), depth + 1);
    }

    private Response answer(int status, String code, Object[] args, List<Problem.Violation> violations) {
        Locale locale = locale();
        String title = Messages.format(locale, "problem.title." + status);
        String detail = Messages.format(locale, "error." + code, args);
        if (isApi()) {
            Problem problem = Problem.of(status, code, title, detail, violations);
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(errorPage.data("status", status).data("title", title).data("detail", detail)
                        .data("violations", violations).setLocale(locale))
                .build();
    }

    private boolean isApi() {
        try {
            String path = uriInfo.getPath();
            return path.startsWith("/api/") || path.equals("/api");
        } catch (RuntimeException e) {
            return true;
        }
    }

    private Locale locale() {
        try {
            return uiLocale.get();
        } catch (RuntimeException e) {
            return Messages.ZH;
        }
    }

    private static String field(ConstraintViolation<?> v) {
        // "create.form.nameZh" → "nameZh": clients know their fields, not our method names
        String path = v.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
