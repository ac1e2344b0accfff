package io.investcrm.faults.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.investcrm.core.AppClock;
import io.investcrm.support.Tokens;

/** What the process drills share: HTTP calls with real tokens, and due follow-ups written straight to the database. */
final class Drills {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Drills() {
    }

    static HttpResponse<String> get(String url, String user) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", Tokens.bearer(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, String user, String contentType, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", Tokens.bearer(user)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Commits {@code n} open follow-ups due today for {@code users} drill users with e-mail addresses (titles
     * {@code drill task <i>}): each owes exactly one reminder — an in-app notification and one mail.
     */
    static void dueFollowUps(Processes.Database db, int users, int n) throws SQLException {
        LocalDate today = LocalDate.now(AppClock.OFFICE_ZONE);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection c = db.connect("investcrm")) {
            c.setAutoCommit(false);
            try (PreparedStatement u = c.prepareStatement("INSERT IGNORE INTO app_user (username, display_name, email) "
                    + "VALUES (?, ?, ?)")) {
                for (int i = 0; i < users; i++) {
                    u.setString(1, "drill" + i);
                    u.setString(2, "Drill " + i);
                    u.setString(3, "drill" + i + "@localhost");
                    u.addBatch();
                }
                u.executeBatch();
            }
            try (PreparedStatement f = c.prepareStatement("INSERT INTO follow_up (title, assignee, due_on, created_by, "
                    + "created_at) VALUES (?, ?, ?, 'drill', ?)")) {
                for (int i = 0; i < n; i++) {
                    f.setString(1, "drill task " + i);
                    f.setString(2, "drill" + (i % users));
                    f.setObject(3, today);
                    f.setObject(4, now);
                    f.addBatch();
                }
                f.executeBatch();
            }
            c.commit();
        }
    }
}
