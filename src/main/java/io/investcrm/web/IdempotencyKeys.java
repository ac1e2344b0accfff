package io.investcrm.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.validation.ConstraintViolationException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.security.CurrentUser;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * {@code Idempotency-Key} on every {@code POST /api/…} (issue 14): the same key from the same user is applied once.
 * <p>
 * The key's row is written in the <em>same transaction</em> as the create: the request filter begins a transaction
 * and claims the key in it (a row without an answer), the create's services ({@code @Transactional}, REQUIRED) join
 * it, and the response filter stores the answer (status, Location, body — the body as the client receives it) and
 * commits. So either both the create and its answer are committed — a retry is answered from it
 * ({@code Idempotency-Replayed: true}) — or neither is, and a retry runs the create again. A create that died with
 * the database, at any point, leaves nothing behind (it left a claim that answered 409 {@code idempotency.in-progress}
 * forever: issue 14, database-crash drill). A refused create (3xx–5xx) rolls back, its key with it: the key is free.
 * <p>
 * A retry while the first is still running waits on the first's uncommitted row (its primary key) and is then
 * answered from the first's answer, or, when the first rolled back, runs; only when the wait outlasts InnoDB's lock
 * wait timeout does it answer 409 {@code idempotency.in-progress}. A key reused on another path answers 422
 * {@code idempotency.key-reused}; keys are per user. Work that a create does in a transaction of its own
 * ({@code REQUIRES_NEW}, e.g. an import's check) is not covered by this.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY = 128;

    /**
     * The claim travels with the request itself, never through a request-scoped bean: under concurrent creates
     * the response filter read another request's bean, stored answers under other requests' keys and left claims
     * unanswered (issue 14, database-crash drill: 156 of 3 459 stored answers named another create).
     */
    static final String CLAIMED = "investcrm.idempotency.claimed";

    @Inject
    CurrentUser currentUser;

    @Inject
    EntityManager em;

    @Inject
    TransactionManager tm;

    @Inject
    AppClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    ProblemMapper problems;

    /** After the user directory's filter (its own transaction must not hold the key). */
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
        String username = currentUser.username();
        Response stored = stored(username, key, path);
        if (stored != null) {
            return stored;
        }
        Transaction tx = begin();
        try {
            // waits while another request holds the same key uncommitted; fails once that one has committed it
            em.createNativeQuery("INSERT INTO idempotency_key (username, idem_key, request_path, created_at) "
                    + "VALUES (?1, ?2, ?3, ?4)").setParameter(1, username).setParameter(2, key).setParameter(3, path)
                    .setParameter(4, clock.now()).executeUpdate();
        } catch (RuntimeException e) {
            rollback(tx, key);
            if (ProblemMapper.databaseUnavailable(e)) {
                // nothing was claimed: 503, and the retry claims it (issue 14's database-crash drill)
                throw e;
            }
            // the same key, committed meanwhile by the request that held it: its answer
            stored = stored(username, key, path);
            if (stored != null) {
                return stored;
            }
            // still held after the lock wait: that create is still running
            throw DomainException.conflict("idempotency.in-progress");
        }
        request.setProperty(CLAIMED, new Claim(username, key, tx));
        return null;
    }

    /** The stored answer under this user's key, or null when there is none (committed). */
    private Response stored(String username, String key, String path) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT request_path, status, location, body FROM idempotency_key WHERE username = ?1 AND idem_key = ?2")
                .setParameter(1, username).setParameter(2, key).getResultList());
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        if (!path.equals(row[0])) {
            throw DomainException.unprocessable("idempotency.key-reused");
        }
        if (row[1] == null) {
            // a claim without an answer: only a row written before V014's keys moved into the create's transaction
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

    /** Who claimed which key, in which (still open) transaction: a property of the request that claimed it. */
    record Claim(String username, String key, Transaction tx) {
    }

    /**
     * Ends the request's transaction: stores the answer of a create that succeeded and commits it with the create, or
     * rolls back a refused one (its key is free again). A commit that fails turns the answer into that failure's
     * problem (503 when the database went away): the client must not be told 201 for a create that is not there.
     */
    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof Claim claim)) {
            return;
        }
        request.removeProperty(CLAIMED);
        String key = claim.key();
        try {
            if (!claim.tx().equals(tm.getTransaction())) {
                // the request moved to another thread: the transaction cannot be ended here; never commit blindly
                rollback(claim.tx(), key);
                throw new IllegalStateException("Idempotency-Key " + key + ": the request's transaction is not this thread's");
            }
            if (response.getStatus() >= 300) {
                rollback(claim.tx(), key);
                return;
            }
            String body;
            Object entity = response.getEntity();
            body = entity == null ? null : entity instanceof String text ? text : json.writeValueAsString(entity);
            Object location = response.getHeaders().getFirst("Location");
            em.createNativeQuery("UPDATE idempotency_key SET status = ?1, location = ?2, body = ?3, answered_at = ?4 "
                    + "WHERE username = ?5 AND idem_key = ?6 AND status IS NULL").setParameter(1, response.getStatus())
                    .setParameter(2, location == null ? null : location.toString()).setParameter(3, body)
                    .setParameter(4, clock.now()).setParameter(5, claim.username()).setParameter(6, key).executeUpdate();
            tm.commit();
        } catch (Exception e) {
            rollback(claim.tx(), key);
            answerInstead(response, problemOf(e));
        }
    }

    /**
     * The answer the exception mappers give a failure of the create's commit (a flush-time validation or refusal
     * would have been raised by the service's own commit before the key joined its transaction).
     */
    private Response problemOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException domain) {
                return problems.domain(domain);
            }
            if (t instanceof ConstraintViolationException invalid) {
                return problems.validation(invalid);
            }
        }
        return problems.unexpected(e);
    }

    private Transaction begin() {
        try {
            if (tm.getTransaction() != null) {
                // a transaction no request ended is still on this worker thread: never let this request join it
                Transaction leaked = tm.suspend();
                LOG.errorf("Idempotency-Key: a transaction left on this thread by another request is rolled back (%s)", leaked);
                rollback(leaked, "(left)");
            }
            tm.begin();
            return tm.getTransaction();
        } catch (Exception e) {
            throw new IllegalStateException("Idempotency-Key: no transaction for the create", e);
        }
    }

    /** Rolls back if still open, and frees this thread of it either way. */
    private void rollback(Transaction tx, String key) {
        try {
            if (tx.equals(tm.getTransaction())) {
                tm.rollback();
            } else if (tx.getStatus() != Status.STATUS_NO_TRANSACTION && tx.getStatus() != Status.STATUS_ROLLEDBACK
                    && tx.getStatus() != Status.STATUS_COMMITTED) {
                tx.rollback();
            }
        } catch (Exception e) {
            LOG.warnf("Idempotency-Key %s: rollback failed (%s)", key, e.getMessage());
        }
    }

    private static void answerInstead(ContainerResponseContext response, Response problem) {
        response.setStatus(problem.getStatus());
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.remove("Location");
        problem.getHeaders().forEach((name, values) -> headers.put(name, values));
        Object type = problem.getHeaders().getFirst("Content-Type");
        response.setEntity(problem.getEntity(), null, type == null ? MediaType.APPLICATION_JSON_TYPE : MediaType.valueOf(type.toString()));
    }
}
