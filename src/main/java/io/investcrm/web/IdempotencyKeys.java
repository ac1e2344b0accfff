package io.investcrm.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.security.CurrentUser;
import io.investcrm.system.AppClock;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * {@code Idempotency-Key} on every {@code POST /api/…} (issue 14): the same key from the same user is applied once.
 * The key is claimed in the first transaction the request begins — the create itself — so it commits or rolls back
 * with the record; once committed, the answer (status, Location, body) is stored and a retry is answered from it
 * ({@code Idempotency-Replayed: true}). A retry while the first is running, or after the first committed but its
 * answer could not be stored (the database died in between), answers 409 {@code idempotency.in-progress}: the record
 * exists, nothing is applied twice. A key reused on another path answers 422 {@code idempotency.key-reused}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY = 128;

    @Inject
    IdempotencyRequest pending;

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
            pending.key = key;
            pending.path = path;
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

    /** The first transaction of a request with a new key claims it: the claim is part of the create. */
    void claim(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (!Arc.container().requestContext().isActive() || pending.key == null || pending.claimed) {
            return;
        }
        pending.claimed = true;
        try {
            em.createNativeQuery("INSERT INTO idempotency_key (username, idem_key, request_path, created_at) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, currentUser.username()).setParameter(2, pending.key).setParameter(3, pending.path)
                    .setParameter(4, clock.now()).executeUpdate();
        } catch (PersistenceException e) {
            // the same key arrived twice at once: the other request holds it
            pending.key = null;
            throw DomainException.conflict("idempotency.in-progress");
        }
    }

    /** Stores the answer of a create that committed; a failed one rolled its claim back with it. */
    @ServerResponseFilter
    public void remember(ContainerResponseContext response) {
        if (pending.key == null || !pending.claimed || response.getStatus() >= 300) {
            return;
        }
        String body;
        try {
            body = response.getEntity() == null ? null : json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            body = null;
        }
        Object location = response.getHeaders().getFirst("Location");
        String storedBody = body;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE idempotency_key SET status = ?1, location = ?2, "
                + "body = ?3, answered_at = ?4 WHERE username = ?5 AND idem_key = ?6")
                .setParameter(1, response.getStatus()).setParameter(2, location == null ? null : location.toString())
                .setParameter(3, storedBody).setParameter(4, clock.now()).setParameter(5, currentUser.username())
                .setParameter(6, pending.key).executeUpdate());
    }
}
