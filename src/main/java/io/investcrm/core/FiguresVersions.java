package io.investcrm.core;

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
    /** One new row per topic: what a pruning adds so that every topic's MAX rises. */
    private static final String ONE_ROW_PER_TOPIC = "INSERT INTO figures_change (topic) VALUES "
            + String.join(", ", TOPICS.stream().map(t -> "('" + t + "')").toList());

    @Inject
    EntityManager em;

    @ConfigProperty(name = "investcrm.figures.keep-changes", defaultValue = "2000")
    int keepChanges;

    /**
     * The version of the given topics: one statement, read in the caller's transaction before its figures. A topic's
     * version is its rows' (MAX(id), COUNT(*)): any committed change raises one of the two (V021).
     */
    @SuppressWarnings("unchecked")
    public String of(String... topics) {
        StringJoiner in = new StringJoiner(", ");
        for (int i = 1; i <= topics.length; i++) {
            in.add("?" + i);
        }
        var q = em.createNativeQuery("SELECT topic, MAX(id), COUNT(*) FROM figures_change WHERE topic IN (" + in
                + ") GROUP BY topic ORDER BY topic");
        for (int i = 0; i < topics.length; i++) {
            q.setParameter(i + 1, topics[i]);
        }
        StringBuilder version = new StringBuilder();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            version.append(r[0]).append(':').append(r[1]).append('/').append(r[2]).append(';');
        }
        return version.toString();
    }

    /**
     * A topic's change rows as read in one statement: their version (the same (MAX(id), COUNT(*)) as {@link #of}) and
     * the subject of each row (V022: the firm a pursuit's change concerns; null when a change may concern any figure).
     * Figures computed from the rows a computation has seen stay valid for a newer version when none of the rows added
     * since concerns them (issue 14: goal progress under a load of stage moves of firms no target counts).
     */
    public record Changes(String version, Map<Long, Long> subjectById) {

        /**
         * The subjects of the rows not in {@code seen}; null when one of them has no subject (anything may have
         * changed), and null too when a row of {@code seen} is gone (pruned: its replacement rows have no subject).
         */
        public Set<Long> subjectsSince(Set<Long> seen) {
            Set<Long> out = new HashSet<>();
            for (Map.Entry<Long, Long> e : subjectById.entrySet()) {
                if (!seen.contains(e.getKey())) {
                    if (e.getValue() == null) {
                        return null;
                    }
                    out.add(e.getValue());
                }
            }
            return out;
        }

        /** The ids of the rows read: what a computation made after this read has seen. */
        public Set<Long> ids() {
            return Set.copyOf(subjectById.keySet());
        }
    }

    /** The change rows of one topic and its version ({@link Changes}), in one statement. */
    @SuppressWarnings("unchecked")
    public Changes changes(String topic) {
        Map<Long, Long> rows = new HashMap<>();
        long max = 0;
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT id, subject FROM figures_change WHERE topic = ?1")
                .setParameter(1, topic).getResultList()) {
            long id = ((Number) r[0]).longValue();
            rows.put(id, r[1] == null ? null : ((Number) r[1]).longValue());
            max = Math.max(max, id);
        }
        // the same string as of(topic) gives
        return new Changes(rows.isEmpty() ? "" : topic + ':' + max + '/' + rows.size() + ';', rows);
    }

    /**
     * Keeps the table small (its COUNT is read on every figures request): once it holds more than
     * {@code investcrm.figures.keep-changes} rows, the rows up to the newest are deleted and one new row per topic is
     * added in the same transaction, so every topic's MAX rises and no version can come back. Any replica may run it;
     * two at once only make figures recompute once more.
     */
    @Scheduled(every = "${investcrm.figures.prune-every:30s}", delayed = "${investcrm.figures.prune-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        prune(keepChanges);
    }

    /** Prunes when more than {@code keep} rows are kept; true when it did. */
    @Transactional
    public boolean prune(int keep) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT COUNT(*), MAX(id) FROM figures_change").getSingleResult();
        long rows = ((Number) r[0]).longValue();
        if (rows <= keep || r[1] == null) {
            return false;
        }
        int deleted = em.createNativeQuery("DELETE FROM figures_change WHERE id <= ?1").setParameter(1, ((Number) r[1]).longValue())
                .executeUpdate();
        em.createNativeQuery(ONE_ROW_PER_TOPIC).executeUpdate();
        LOG.debugf("figures_change pruned: %d rows deleted", deleted);
        return true;
    }
}
