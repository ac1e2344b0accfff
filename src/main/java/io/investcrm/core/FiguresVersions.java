package io.investcrm.core;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The version of the data behind the managers' figures (issue 10), per topic, from {@code figures_change} (V021): the
 * database's triggers add a row in the transaction of every change that can move a figure, so the version read at the
 * start of a request includes every change committed before it, on whichever replica it was made. Figures kept under
 * that version ({@link FiguresCache}) are therefore live: a committed stage move shows in the next request.
 */
@ApplicationScoped
public class FiguresVersions {

    private static final Logger LOG = Logger.getLogger(FiguresVersions.class);

    /** The topics of V021's triggers. */
    public static final String PIPELINE = "pipeline";
    public static final String ACTIVITY = "activity";
    public static final String OFFER = "offer";
    public static final String GOALS = "goals";
    /** What decides whether a firm or a pursuit is in a list (V024): the lists' capped counts ({@link ListCounts}). */
    public static final String LISTS = "lists";
    /** Pursuits' stage and status (V024): the counts of lists filtered by them. */
    public static final String STAGES = "stages";
    static final List<String> TOPICS = List.of(PIPELINE, ACTIVITY, OFFER, GOALS, LISTS, STAGES);
    @Inject
    EntityManager em;

    @ConfigProperty(name = "investcrm.figures.keep-changes", defaultValue = "200")
    int keepChanges;

    /** How long a change row is kept at least (V026): longer than the figures' readers take between two reads under load. */
    @ConfigProperty(name = "investcrm.figures.keep-for", defaultValue = "5s")
    Duration keepFor;

    /**
     * The version of the given topics: one statement, read in the caller's transaction before its figures. A topic's
     * version is the number of its change rows ever committed: the rows present and those pruning deleted (V025). It
     * rises by one with each committed change, a row committed late with a lower id included, and pruning leaves it.
     */
    @SuppressWarnings("unchecked")
    public String of(String... topics) {
        StringJoiner in = new StringJoiner(", ");
        for (int i = 1; i <= topics.length; i++) {
            in.add("?" + i);
        }
        // a count per topic on (topic, id), in the primary key's order: no temporary table (a join grouped by topic
        // took twice as long on the server)
        var q = em.createNativeQuery("SELECT t.topic, t.n + (SELECT COUNT(*) FROM figures_change c WHERE c.topic = t.topic) "
                + "FROM figures_pruned t WHERE t.topic IN (" + in + ") ORDER BY t.topic");
        for (int i = 0; i < topics.length; i++) {
            q.setParameter(i + 1, topics[i]);
        }
        StringBuilder version = new StringBuilder();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            version.append(r[0]).append(':').append(((Number) r[1]).longValue()).append(';');
        }
        return version.toString();
    }

    /** The change rows a computation has seen: their ids and the topic's version (its count of rows ever committed). */
    public record Seen(Set<Long> ids, long total) {
        /** Nothing seen: every subject is unknown. */
        public static final Seen NONE = new Seen(Set.of(), -1);
    }

    /**
     * A topic's change rows as read in one statement: their version (the same as {@link #of}) and the subject of each
     * row (V022: the firm a pursuit's change concerns; null when a change may concern any figure). Figures computed
     * from the rows a computation has seen stay valid for a newer version when none of the rows added since concerns
     * them (issue 14: goal progress under a load of stage moves of firms no target counts).
     */
    public record Changes(String version, Map<Long, Long> subjectById, long total) {

        /**
         * The subjects of the rows committed since {@code seen}; null when one of them has no subject (anything may
         * have changed), and null too when pruning deleted one of them before it was read here (its subject is
         * unknown). Rows of {@code seen} that pruning deleted since do not matter: they were seen.
         */
        public Set<Long> subjectsSince(Seen seen) {
            Set<Long> out = new HashSet<>();
            long fresh = 0;
            for (Map.Entry<Long, Long> e : subjectById.entrySet()) {
                if (!seen.ids().contains(e.getKey())) {
                    if (e.getValue() == null) {
                        return null;
                    }
                    fresh++;
                    out.add(e.getValue());
                }
            }
            // every row committed since the seen read is a row present here that it had not seen, unless pruned
            return seen.total() < 0 || total - seen.total() != fresh ? null : out;
        }

        /** What a computation made after this read has seen. */
        public Seen seen() {
            return new Seen(Set.copyOf(subjectById.keySet()), total);
        }
    }

    /** The change rows of one topic and its version ({@link Changes}), in one statement. */
    @SuppressWarnings("unchecked")
    public Changes changes(String topic) {
        Map<Long, Long> rows = new HashMap<>();
        long pruned = 0;
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT c.id, c.subject, t.n FROM figures_pruned t "
                + "LEFT JOIN figures_change c ON c.topic = t.topic WHERE t.topic = ?1").setParameter(1, topic).getResultList()) {
            pruned = ((Number) r[2]).longValue();
            if (r[0] != null) {
                rows.put(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue());
            }
        }
        long total = rows.size() + pruned;
        // the same string as of(topic) gives
        return new Changes(topic + ':' + total + ';', rows, total);
    }

    /**
     * Keeps the table small (its COUNT is read on every figures and list request): once it holds more than
     * {@code investcrm.figures.keep-changes} rows, the rows older than {@code investcrm.figures.keep-for} are deleted and
     * counted as pruned (V025), no version moves. Why only the older rows (issue 14, V026): the dashboard's facts and
     * goal progress remember which change rows they have read, and a row deleted before they read it makes its subject
     * unknown and them read everything again; under the mixed load they read every few hundred milliseconds. Deleting
     * every row up to the newest made each pruning cost a full read of the pursuits and of the ranked firms, and the log
     * grew to 2 000 rows and more between prunings. Any replica may run it; of two at once, the second deletes and
     * counts only what the first left.
     */
    @Scheduled(every = "${investcrm.figures.prune-every:5s}", delayed = "${investcrm.figures.prune-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        prune(keepFor, keepChanges);
    }

    /**
     * When more than {@code keep} rows are kept, each topic's rows up to the newest one written at least
     * {@code olderThan} ago (by the database's clock) are deleted and their number added to the topic's pruned count in
     * the same transaction (V025), so no version moves: kept figures and counts stay kept. The deletes are bounded by
     * that row's id, not by the time: a delete that scanned up to the newest rows waited for the writers' uncommitted
     * change rows, and they for it (p99 6.5 s under the mixed load). A row committed meanwhile with a lower id is not
     * deleted (it was not visible to the delete) and raises its topic's version as any change does. True when it
     * deleted any row.
     */
    @Transactional
    public boolean prune(Duration olderThan, int keep) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT COUNT(*), MAX(CASE WHEN created_at <= CURRENT_TIMESTAMP(3) - "
                + "INTERVAL ?1 MICROSECOND THEN id END) FROM figures_change").setParameter(1, olderThan.toNanos() / 1000)
                .getSingleResult();
        if (((Number) r[0]).longValue() <= keep || r[1] == null) {
            return false;
        }
        long upto = ((Number) r[1]).longValue();
        int deleted = 0;
        for (String topic : TOPICS) {
            int n = em.createNativeQuery("DELETE FROM figures_change WHERE topic = ?1 AND id <= ?2").setParameter(1, topic)
                    .setParameter(2, upto).executeUpdate();
            em.createNativeQuery("UPDATE figures_pruned SET n = n + ?1, upto = ?2 WHERE topic = ?3").setParameter(1, n)
                    .setParameter(2, upto).setParameter(3, topic).executeUpdate();
            deleted += n;
        }
        LOG.debugf("figures_change pruned: %d rows up to %d (older than %s) deleted", deleted, upto, olderThan);
        return deleted > 0;
    }
}
