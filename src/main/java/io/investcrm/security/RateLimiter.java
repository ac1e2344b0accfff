package io.investcrm.security;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Per-user limits on the requests that hand out much at once (issue 13, #12): revealing a personal field, exporting a
 * person's data, scoring the whole register for a zone. A sliding one-minute window per user and kind, in memory: on
 * several replicas each counts its own share, which still bounds a scripted harvest. Over the limit: 429.
 */
@ApplicationScoped
public class RateLimiter {

    /** What is limited, by path (API and page forms alike). */
    enum Kind {
        REVEAL("(/api)?/contacts/[^/]+/reveal"),
        EXPORT("(/api)?/contacts/[^/]+/personal-data"),
        SCORING("/api/zones/[^/]+/candidates|/plan/zones/[^/]+");

        final Pattern path;

        Kind(String regex) {
            this.path = Pattern.compile(regex);
        }
    }

    private static final long WINDOW_MS = 60_000;

    @Inject
    SecurityIdentity identity;

    private final Map<String, Deque<Long>> windows = new ConcurrentHashMap<>();
    private final Map<Kind, Integer> limits;
    private final LongSupplier clock;

    @Inject
    public RateLimiter(@ConfigProperty(name = "investcrm.rate-limit.reveal-per-minute") int reveals,
            @ConfigProperty(name = "investcrm.rate-limit.export-per-minute") int exports,
            @ConfigProperty(name = "investcrm.rate-limit.scoring-per-minute") int scoring) {
        this(Map.of(Kind.REVEAL, reveals, Kind.EXPORT, exports, Kind.SCORING, scoring), System::currentTimeMillis);
    }

    RateLimiter(Map<Kind, Integer> limits, LongSupplier clock) {
        this.limits = Map.copyOf(limits);
        this.clock = clock;
    }

    /** True when this call is within the user's limit (and counts it); false when it is one too many. */
    boolean allow(String user, Kind kind) {
        long now = clock.getAsLong();
        Deque<Long> window = windows.computeIfAbsent(user + "\u0000" + kind, k -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && window.peekFirst() <= now - WINDOW_MS) {
                window.pollFirst();
            }
            if (window.size() >= limits.get(kind)) {
                return false;
            }
            window.addLast(now);
            return true;
        }
    }

    static Kind kindOf(String path) {
        for (Kind k : Kind.values()) {
            if (k.path.matcher(path).matches()) {
                return k;
            }
        }
        return null;
    }

    /** Runs after authentication: anonymous calls are refused by the role checks anyway. */
    @ServerRequestFilter(priority = 4500)
    public void limit(ResteasyReactiveContainerRequestContext request) {
        Kind kind = kindOf(request.getUriInfo().getPath());
        if (kind == null || identity.isAnonymous()) {
            return;
        }
        if (!allow(identity.getPrincipal().getName(), kind)) {
            // answered by the problem mapper as 429 "rate-limited"
            throw new jakarta.ws.rs.WebApplicationException(429);
        }
    }
}
