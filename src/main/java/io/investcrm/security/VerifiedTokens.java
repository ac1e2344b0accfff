package io.investcrm.security;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * API bearer tokens that quarkus-oidc has verified, kept per replica until they expire (issue 14). A client sends the
 * same access token with every request for its five minutes; quarkus-oidc checked its RSA signature and parsed its
 * claims each time, 35–50 % of the app's CPU on the mixed load's reads (the production JVM's C1 compiler has no
 * BigInteger intrinsics). Now the first request of a token is verified by quarkus-oidc as before; later requests with
 * the very same token string, for the same tenant, get a copy of that identity until the token's {@code exp}.
 *
 * <p>Nothing is accepted that quarkus-oidc would refuse: only successes are kept (a changed character is another key,
 * verified afresh), never past {@code exp}, and quarkus-oidc does not look tokens up with Keycloak either (no
 * revocation check to skip). Only API bearer tokens ({@link AccessTokenCredential}) are kept; the pages' code flow
 * (ID token, refresh, session cookie) is left to quarkus-oidc entirely. The copy carries this request's routing and
 * authentication contexts, not the first request's.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** The routing-context key under which quarkus-oidc names the tenant it resolved for the request. */
    static final String TENANT = "tenant-id";

    /**
     * Runs before quarkus-oidc's own provider, which has the default priority (1001): the manager asks providers in
     * descending priority and stops at the first identity.
     */
    static final int PRIORITY = 2001;

    @Inject
    @Any
    Instance<IdentityProvider<TokenAuthenticationRequest>> providers;

    private final Kept kept;
    private volatile IdentityProvider<TokenAuthenticationRequest> oidc;

    @Inject
    public VerifiedTokens(@ConfigProperty(name = "investcrm.verified-tokens.max", defaultValue = "5000") int max) {
        this.kept = new Kept(max, System::currentTimeMillis);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null || request.getToken().getClass() != AccessTokenCredential.class || rc.get(TENANT) == null) {
            return Uni.createFrom().nullItem(); // not an API bearer token: quarkus-oidc's provider, next in line
        }
        String key = rc.get(TENANT) + " " + request.getToken().getToken();
        SecurityIdentity known = kept.get(key);
        if (known != null) {
            // what quarkus-oidc's provider does for every request it authenticates
            rc.put(AuthenticationRequestContext.class.getName(), context);
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known)
                    .addAttribute(RoutingContext.class.getName(), rc)
                    .addAttribute(AuthenticationRequestContext.class.getName(), context)
                    .build());
        }
        return oidc().authenticate(request, context).invoke(identity -> {
            if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
                kept.put(key, withoutRequest(identity), jwt.getExpirationTime() * 1000);
            }
        });
    }

    /**
     * The identity without the first request's routing and authentication contexts: kept for minutes, it must not hold
     * that request (its headers, its body buffers) in memory, nor hand it to a later one. Each hit sets its own.
     */
    static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), null)
                .addAttribute(AuthenticationRequestContext.class.getName(), null)
                .build();
    }

    /** How many requests were answered from the kept tokens, and how many tokens were verified and kept. */
    public long hits() {
        return kept.hits.sum();
    }

    public long keptCount() {
        return kept.puts.sum();
    }

    /** quarkus-oidc's provider: the other one for token requests. */
    private IdentityProvider<TokenAuthenticationRequest> oidc() {
        IdentityProvider<TokenAuthenticationRequest> found = oidc;
        if (found == null) {
            found = providers.stream().filter(p -> p.priority() < PRIORITY).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no OIDC identity provider"));
            oidc = found;
        }
        return found;
    }

    /** The verified identities by tenant and token, each until its token expires; at most {@code max}, least recent out. */
    static final class Kept {

        private record Entry(SecurityIdentity identity, long expiresAtMillis) {
        }

        private final Cache<String, Entry> cache;
        private final LongSupplier clock;
        final LongAdder hits = new LongAdder();
        final LongAdder puts = new LongAdder();

        Kept(int max, LongSupplier clock) {
            this.clock = clock;
            this.cache = Caffeine.newBuilder().maximumSize(max)
                    .expireAfter(Expiry.<String, Entry>creating((k, e) -> Duration.ofMillis(
                            Math.max(0, e.expiresAtMillis() - clock.getAsLong()))))
                    .build();
        }

        /** The identity kept for {@code key} while its token is unexpired by this clock, else null. */
        SecurityIdentity get(String key) {
            Entry e = cache.getIfPresent(key);
            if (e == null || clock.getAsLong() >= e.expiresAtMillis()) {
                return null;
            }
            hits.increment();
            return e.identity();
        }

        void put(String key, SecurityIdentity identity, long expiresAtMillis) {
            if (expiresAtMillis > clock.getAsLong()) {
                cache.put(key, new Entry(identity, expiresAtMillis));
                puts.increment();
            }
        }

        /** Evictions pending in the cache done now (they otherwise run with later reads and writes). */
        void cleanUp() {
            cache.cleanUp();
        }

        long size() {
            return cache.estimatedSize();
        }
    }
}
