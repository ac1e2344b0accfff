package io.investcrm.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.security.CurrentUser;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * {@code Idempotency-Key} on every {@code POST /api/…} (issue 14): the same key from the same user is applied once.
 * The key is claimed (a row without an answer) before the request runs; once the create has answered 2xx the answer
 * (status, Location, body) is stored and a retry is answered from it ({@code Idempotency-Replayed: true}); a refused
 * create releases the key. A retry while the first is running answers 409 {@code idempotency.in-progress}, and so does
 * one whose first request died with the database before its answer or release was stored: nothing is applied twice,
 * the client looks the record up. A key reused on another path answers 422 {@code idempotency.key-reused}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY = 128;

    /**
     * The claimed key travels with the request itself, never through a request-scoped bean: under concurrent creates
     * the response filter (on the I/O thread) read another request's bean, stored answers under other requests' keys
     * and left claims unanswered (issue 14, database-crash drill: 156 of 3 459 stored answers named another create).
     */
    static final String CLAIMED = "investcrm.idempotency.claimed";

    @Inject
    CurrentUser currentUser;

    @Inject
    EntityManager em;

    @Inject
    AppClock clock;

    @Inject
    ObjectMapper json;

    /** After the user directory's filter (its own transaction must not claim the key). */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response replay(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/")
                || !currentUser.isAuthenticated()) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw DomainException.unprocessable("idempotency.key-invalid", MAX_KEY);
        }
        String path = request.getUriInfo().getPath();
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT request_path, status, location, body FROM idempotency_key WHERE username = ?1 AND idem_key = ?2")
                .setParameter(1, currentUser.username()).setParameter(2, key).getResultList());
        if (rows.isEmpty()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO idempotency_key (username, idem_key, "
                        + "request_path, created_at) VALUES (?1, ?2, ?3, ?4)").setParameter(1, currentUser.username())
                        .setParameter(2, key).setParameter(3, path).setParameter(4, clock.now()).executeUpdate());
            } catch (RuntimeException e) {
                if (ProblemMapper.databaseUnavailable(e)) {
                    // nothing was claimed: 503, and the retry claims it (it was 409 in-progress, which told the
                    // client a create might have happened when none had; issue 14's database-crash drill)
                    throw e;
                }
                // the same key arrived twice at once (its primary key): the other request holds it
                throw DomainException.conflict("idempotency.in-progress");
            }
            request.setProperty(CLAIMED, new Claim(currentUser.username(), key));
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        if (!path.equals(row[0])) {
            throw DomainException.unprocessable("idempotency.key-reused");
        }
        if (row[1] == null) {
            throw DomainException.conflict("idempotency.in-progress");
        }
        Response.ResponseBuilder answer = Response.status(((Number) row[1]).intValue()).header("Idempotency-Replayed", "true");
        if (row[2] != null) {
            answer.header("Location", row[2]);
        }
        if (row[3] != null) {
            answer.entity(row[3]).type("application/json");
        }
        return answer.build();
    }

    /** Who claimed which key, kept as a property of the request that claimed it. */
    record Claim(String username, String key) {
    }

    /** Stores the answer of a create that succeeded; releases the key of one that did not. */
    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof Claim claim)) {
            return;
        }
        request.removeProperty(CLAIMED);
        String key = claim.key();
        String username = claim.username();
        if (response.getStatus() >= 300) {
            keepAnswer(key, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM idempotency_key "
                    + "WHERE username = ?1 AND idem_key = ?2 AND status IS NULL").setParameter(1, username).setParameter(2, key)
                    .executeUpdate()));
            return;
        }
        String body;
        try {
            Object entity = response.getEntity();
            body = entity == null ? null : entity instanceof String text ? text : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            body = null;
        }
        Object location = response.getHeaders().getFirst("Location");
        String storedBody = body;
        keepAnswer(key, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE idempotency_key SET "
                + "status = ?1, location = ?2, body = ?3, answered_at = ?4 WHERE username = ?5 AND idem_key = ?6 AND status IS NULL")
                .setParameter(1, response.getStatus()).setParameter(2, location == null ? null : location.toString())
                .setParameter(3, storedBody).setParameter(4, clock.now()).setParameter(5, username)
                .setParameter(6, key).executeUpdate()));
    }

    /**
     * The database went away between the create and its bookkeeping: the client still gets the create's own answer
     * (it was a 500 from this filter; issue 14, database-crash drill), and the key stays claimed — its retries answer
     * 409 {@code idempotency.in-progress}, as for any create whose outcome the app cannot know.
     */
    private static void keepAnswer(String key, Runnable bookkeeping) {
        try {
            bookkeeping.run();
        } catch (RuntimeException e) {
            if (!ProblemMapper.databaseUnavailable(e)) {
                throw e;
            }
            LOG.warnf("Idempotency-Key %s left claimed: the database went away (%s)", key, e.getMessage());
        }
    }
}
