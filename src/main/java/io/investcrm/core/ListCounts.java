package io.investcrm.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The lists' capped counts ("共 N 条", "more than 1000"), kept under the version of the rows they count (issue 14).
 * Under the mixed load the industry + zone list's count and the team prospects' count were among the database's largest
 * statements, and both are asked again and again with nothing changed: an officer's own list after each visit, a
 * manager paging a zone. A count is kept per statement and parameters (the reader's visibility is in the parameters)
 * under the {@link FiguresVersions#LISTS} topic (V024: what decides whether a firm or pursuit is in a list), and also
 * {@link FiguresVersions#STAGES} when the list filters by stage or status. The version is read before the count on every
 * request, so a count is as live as one run each time: any committed change that could move it makes the next request
 * count again, on every replica. Visits and other writes that move no count (a pursuit's last activity) leave the
 * version alone. Requests for a count being computed wait for it ({@link FiguresCache}).
 */
@ApplicationScoped
public class ListCounts {

    /** At most this many counts are kept (then all but the newest are dropped): a few hundred bytes each. */
    static final int MAX = 4000;

    /** A count's statement (shared: lists have few shapes) and its parameters, equal by value. */
    private record Question(String sql, Object params) {
    }

    private final FiguresCache<Question, Long> kept = new FiguresCache<>(MAX);
    /** One instance per statement shape, so that kept questions do not each hold a copy of the statement. */
    private final Map<String, String> shapes = new ConcurrentHashMap<>();

    @Inject
    FiguresVersions versions;

    /**
     * The count {@code sql} with {@code params} gives (a List or Map with value equality), from memory when neither
     * the lists' rows nor (when {@code byStage}) the pursuits' stages changed since it was counted; else
     * {@code count} runs it, in the caller's transaction.
     */
    public long count(String sql, Object params, boolean byStage, LongSupplier count) {
        String version = byStage ? versions.of(FiguresVersions.LISTS, FiguresVersions.STAGES) : versions.of(FiguresVersions.LISTS);
        if (shapes.size() > MAX) {
            shapes.clear();
        }
        Question q = new Question(shapes.computeIfAbsent(sql, s -> s), params);
        return kept.get(version, q, count::getAsLong);
    }
}
