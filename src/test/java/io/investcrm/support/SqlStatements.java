package io.investcrm.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Test-only: every SQL statement Hibernate prepares (entity loads, HQL and native queries alike) for an HTTP request
 * that carries the header {@value #HEADER}, filed under the header's value. Requests without it, scheduled jobs and
 * the test's own set-up are not counted, so a count belongs to exactly one request.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SqlStatements implements StatementInspector {

    public static final String HEADER = "X-Test-Sql-Tag";

    private static final Map<String, List<String>> BY_TAG = new ConcurrentHashMap<>();

    @Override
    public String inspect(String sql) {
        String tag = currentTag();
        if (tag != null) {
            BY_TAG.computeIfAbsent(tag, t -> java.util.Collections.synchronizedList(new ArrayList<>())).add(sql);
        }
        return sql;
    }

    /** The statements of the request tagged {@code tag} (empty when it ran none). */
    public static List<String> of(String tag) {
        List<String> found = BY_TAG.get(tag);
        return found == null ? List.of() : List.copyOf(found);
    }

    private static String currentTag() {
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        RoutingContext rc = container.instance(CurrentVertxRequest.class).get().getCurrent();
        return rc == null ? null : rc.request().getHeader(HEADER);
    }
}
