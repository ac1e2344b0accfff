package io.investcrm.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.investcrm.core.AppClock;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The people and teams of InvestCRM, mirrored from the token claims of whoever signs in. The upsert runs once per
 * user per JVM (and again only when the claims change), so the hot path is a map lookup.
 */
@ApplicationScoped
public class UserDirectory {

    /** What the token says about a person; equality decides whether the directory row needs writing again. */
    public record Person(String username, String displayName, String email, String teamCode) {
    }

    private final Map<String, Person> written = new ConcurrentHashMap<>();

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    @Inject
    AppClock clock;

    /** Runs on the worker thread of every blocking request (not the event loop), after authentication. */
    @ServerRequestFilter
    public void recordSignedInUser() {
        current().ifPresent(this::ensureRecorded);
    }

    /** The signed-in person as the token describes them, or empty for anonymous requests. */
    public Optional<Person> current() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.of(fromClaims(identity));
    }

    /** The signed-in user's team code, or null for people outside any team (approvers, admins). */
    public String currentTeam() {
        return current().map(Person::teamCode).orElse(null);
    }

    public void ensureRecorded(Person person) {
        if (!person.equals(written.get(person.username()))) {
            upsert(person);
            written.put(person.username(), person);
        }
    }

    /**
     * INSERT … ON DUPLICATE KEY (MySQL and MariaDB alike) rather than find-then-persist: two replicas or two first
     * requests of the same person may race, and neither may fail on the primary key.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void upsert(Person p) {
        if (p.teamCode() != null) {
            em.createNativeQuery("INSERT INTO team (code, name_zh, name_en) VALUES (?1, ?1, ?1) "
                    + "ON DUPLICATE KEY UPDATE code = code").setParameter(1, p.teamCode()).executeUpdate();
        }
        em.createNativeQuery("INSERT INTO app_user (username, display_name, email, team_code, active, last_seen_at, version) "
                + "VALUES (?1, ?2, ?3, ?4, TRUE, ?5, 0) ON DUPLICATE KEY UPDATE username = username")
                .setParameter(1, p.username()).setParameter(2, p.displayName()).setParameter(3, p.email())
                .setParameter(4, p.teamCode()).setParameter(5, clock.now()).executeUpdate();
        em.createNativeQuery("UPDATE app_user SET display_name = ?2, email = ?3, team_code = ?4, last_seen_at = ?5, "
                + "version = version + 1 WHERE username = ?1")
                .setParameter(1, p.username()).setParameter(2, p.displayName()).setParameter(3, p.email())
                .setParameter(4, p.teamCode()).setParameter(5, clock.now()).executeUpdate();
    }

    public Optional<AppUser> find(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(AppUser.findById(username));
    }

    /** Everyone active, for pickers (assignee, hand over to). */
    public List<Person> people() {
        return AppUser.<AppUser>list("active = true order by username").stream()
                .map(u -> new Person(u.username, u.displayName, u.email, u.teamCode)).toList();
    }

    public Optional<String> emailOf(String username) {
        return find(username).map(u -> u.email).filter(e -> !e.isBlank());
    }

    /** The leader of a team, the fallback when a prospect names no responsible leader. */
    public Optional<String> leaderOfTeam(String teamCode) {
        if (teamCode == null) {
            return Optional.empty();
        }
        Team team = Team.findById(teamCode);
        return team == null ? Optional.empty() : Optional.ofNullable(team.leader);
    }

    static Person fromClaims(SecurityIdentity identity) {
        String username = identity.getPrincipal().getName();
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return new Person(username, username, null, null);
        }
        return new Person(username, displayName(jwt, username), claim(jwt, "email"), claim(jwt, "team"));
    }

    /**
     * Keycloak builds {@code name} as "given family"; Chinese names read family first (张伟, not 伟 张), so the
     * parts are joined family-first without a space when either is Han script.
     */
    static String displayName(JsonWebToken jwt, String username) {
        String given = claim(jwt, "given_name");
        String family = claim(jwt, "family_name");
        if (given != null && family != null) {
            return isHan(given) || isHan(family) ? family + given : given + " " + family;
        }
        String name = claim(jwt, "name");
        if (name != null) {
            return name;
        }
        return given != null ? given : family != null ? family : username;
    }

    static boolean isHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object v = jwt.getClaim(name);
        if (v == null) {
            return null;
        }
        String s = v instanceof jakarta.json.JsonString js ? js.getString() : v.toString();
        return s.isBlank() ? null : s.trim();
    }
}
