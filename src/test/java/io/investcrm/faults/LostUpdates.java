package io.investcrm.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.company.CompanyFixtures;
import io.investcrm.support.TestData;
import io.investcrm.support.Tokens;

/**
 * The lost-update scenario of issue 14: concurrent clients each read a hot record (a company, a prospect or an offer),
 * add one to a counter on it (head count, probability override, term in months) and write it back with the version
 * they read. A write acknowledged with 200 counts as an edit; 409 is a conflict (the client read a stale version).
 * Afterwards every record's counter must equal its acknowledged edits, and so must its audit rows: a lost update
 * shows as a counter below the acknowledged edits.
 *
 * <p>Sizes: {@code -Dfaults.clients} (16), {@code -Dfaults.edits} (600), {@code -Dfaults.records} (12, a third of each
 * kind); the full size is 64 clients, 10 000 edits, 100 records (see docs/benchmarks.md).
 */
final class LostUpdates {

    static final int CLIENTS = Integer.getInteger("faults.clients", 16);
    static final int EDITS = Integer.getInteger("faults.edits", 600);
    static final int RECORDS = Integer.getInteger("faults.records", 12);
    static final ObjectMapper JSON = new ObjectMapper();

    enum Kind {
        COMPANY, PROSPECT, OFFER
    }

    record Hot(Kind kind, long id, Map<String, Object> body) {
    }

    /** What happened: per record, acknowledged edits, final counter and audit rows; conflicts and other answers. */
    record Outcome(List<Hot> records, int[] acknowledged, int[] counters, long[] auditRows, int conflicts, int otherAnswers,
            int busy) {

        int lost() {
            int lost = 0;
            for (int i = 0; i < acknowledged.length; i++) {
                lost += acknowledged[i] - counters[i];
            }
            return lost;
        }

        int edits() {
            int sum = 0;
            for (int a : acknowledged) {
                sum += a;
            }
            return sum;
        }

        /** Every record: counter and audit rows equal the acknowledged edits. */
        void assertNothingLost() {
            for (int i = 0; i < acknowledged.length; i++) {
                Hot h = records.get(i);
                assertEquals(acknowledged[i], counters[i], h.kind() + " " + h.id() + ": counter against acknowledged edits");
                assertEquals(acknowledged[i], auditRows[i], h.kind() + " " + h.id() + ": audit rows against acknowledged edits");
            }
        }

        @Override
        public String toString() {
            return String.format("%d clients, %d records: %d edits acknowledged, %d conflicts (409), %d other answers, %d lost"
                    + " (%d writes answered 503 and made again)", CLIENTS, records.size(), edits(), conflicts, otherAnswers,
                    lost(), busy);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    private final CompanyFixtures db;

    LostUpdates(CompanyFixtures db) {
        this.db = db;
    }

    /** The hot records, made through the API by a manager (who may edit them all). */
    List<Hot> hotRecords() {
        List<Hot> hot = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            switch (Kind.values()[i % 3]) {
                case COMPANY -> {
                    Map<String, Object> body = TestData.company();
                    hot.add(new Hot(Kind.COMPANY, TestData.createCompany(Tokens.MANAGER, body), body));
                }
                case PROSPECT -> {
                    long company = TestData.pursuedCompany(Tokens.MANAGER);
                    long prospect = ((Number) io.restassured.RestAssured.given().header("Authorization", Tokens.bearer(Tokens.MANAGER))
                            .get("/api/companies/" + company + "/prospect").then().statusCode(200).extract().path("id")).longValue();
                    hot.add(new Hot(Kind.PROSPECT, prospect, Map.of()));
                }
                case OFFER -> {
                    Map<String, Object> body = TestData.spaceOffer(TestData.pursuedCompany(Tokens.MANAGER), "1500");
                    body.put("termMonths", OFFER_BASE_MONTHS);
                    hot.add(new Hot(Kind.OFFER, TestData.createOffer(Tokens.MANAGER, body), body));
                }
            }
        }
        return hot;
    }

    Outcome run() throws Exception {
        List<Hot> hot = hotRecords();
        AtomicIntegerArray acked = new AtomicIntegerArray(hot.size());
        AtomicInteger remaining = new AtomicInteger(EDITS);
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        int r = ThreadLocalRandom.current().nextInt(hot.size());
                        int status = edit(hot.get(r));
                        if (status == 200) {
                            acked.incrementAndGet(r);
                        } else if (status == 409) {
                            conflicts.incrementAndGet();
                        } else if (status == 503) {
                            // no pooled connection in time (64 clients, 20 connections): the client tries again
                            busy.incrementAndGet();
                            remaining.incrementAndGet();
                        } else if (status != 0) {
                            other.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        int[] ack = new int[hot.size()];
        int[] counters = new int[hot.size()];
        long[] audit = new long[hot.size()];
        for (int i = 0; i < hot.size(); i++) {
            Hot h = hot.get(i);
            ack[i] = acked.get(i);
            JsonNode now = read(h);
            counters[i] = counter(h, now);
            audit[i] = switch (h.kind()) {
                case COMPANY -> db.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'company' AND entity_id = ?1 "
                        + "AND action = 'update'", h.id());
                case OFFER -> db.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'offer' AND entity_id = ?1 "
                        + "AND action = 'update'", h.id());
                case PROSPECT -> db.count("SELECT COUNT(*) FROM prospect_event WHERE prospect_id = ?1 AND kind = 'PROBABILITY'", h.id());
            };
        }
        return new Outcome(hot, ack, counters, audit, conflicts.get(), other.get(), busy.get());
    }

    /** An offer's term starts here (its rent-free months may not exceed it); its counter is the months added. */
    static final int OFFER_BASE_MONTHS = 12;

    /** The record's counter, counted from zero. */
    static int counter(Hot h, JsonNode view) {
        return switch (h.kind()) {
            case COMPANY -> view.path("headcount").asInt(0);
            case PROSPECT -> view.path("probabilityOverridden").asBoolean() ? view.path("probability").asInt() : 0;
            case OFFER -> view.path("termMonths").asInt() - OFFER_BASE_MONTHS;
        };
    }

    /** One read-add-write; the HTTP status of the write (0: nothing to write, the prospect's counter is full). */
    int edit(Hot h) throws IOException, InterruptedException {
        JsonNode view = read(h);
        int version = view.path("version").asInt();
        int next = counter(h, view) + 1;
        Map<String, Object> body = new HashMap<>(h.body());
        String path;
        switch (h.kind()) {
            case COMPANY -> {
                body.put("headcount", next);
                path = "/api/companies/" + h.id();
            }
            case PROSPECT -> {
                if (next > 100) {
                    return 0;
                }
                body.put("probability", next);
                path = "/api/prospects/" + h.id();
            }
            default -> {
                body.put("termMonths", next + OFFER_BASE_MONTHS);
                path = "/api/offers/" + h.id();
            }
        }
        body.put("version", version);
        HttpResponse<String> r = http.send(request(path).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    JsonNode read(Hot h) throws IOException, InterruptedException {
        String path = switch (h.kind()) {
            case COMPANY -> "/api/companies/" + h.id();
            case PROSPECT -> "/api/prospects/" + h.id();
            case OFFER -> "/api/offers/" + h.id();
        };
        HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        for (int retry = 0; r.statusCode() == 503 && retry < 20; retry++) {
            // no pooled connection in time under 64 clients: read again, as a client told Retry-After would
            Thread.sleep(200);
            r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", Tokens.bearer(Tokens.MANAGER)).header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }
}
