package io.investcrm.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.core.Invalid;
import io.investcrm.plan.model.Industry;
import io.investcrm.plan.model.PlanDocument;
import io.investcrm.plan.model.PlanParser;
import io.investcrm.plan.model.PlanValidationException;
import io.investcrm.plan.model.PresenceKind;
import io.investcrm.plan.model.Zone;
import io.investcrm.security.CurrentUser;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The plan the office works for, as data: loaded from {@code config/plans} at start-up or uploaded by an admin,
 * stored as a version, parsed once and kept in memory. Every instance follows the version marked active in the
 * database (matching builds its engine for whichever version this serves).
 */
@ApplicationScoped
public class PlanService {

    private static final Logger LOG = Logger.getLogger(PlanService.class);

    @ConfigProperty(name = "investcrm.plan.file")
    String planFile;

    @Inject
    CurrentUser currentUser;

    @Inject
    AppClock clock;

    @Inject
    DataSource dataSource;

    private final PlanParser parser = new PlanParser();

    private volatile Loaded loaded;

    /** The active version, parsed. */
    public record Loaded(long versionId, String versionLabel, PlanDocument document) {
    }

    /**
     * Readiness waits for this (the plan is loaded before the HTTP server accepts requests), so it is kept cheap: the
     * usual start-up, with the shipped file already registered, is one indexed JDBC query and one parse of the file
     * in hand. Hibernate's query translator (HQL, ~0.3 s of class loading and warm-up on a 2-core machine) is left to
     * the first request that needs it; a new file is still registered through the entity, as before.
     */
    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        String text = readResource(planFile);
        String sha = sha256(text);
        List<Row> rows = activeOrShipped(sha);
        Row active = rows.stream().filter(Row::active).findFirst().orElse(null);
        if (active == null || rows.stream().noneMatch(r -> r.sha().equals(sha))) {
            // a new shipped file, or no active version: register / activate it (rare, through the entity)
            registerShippedPlan(text, sha);
            active = activeOrShipped(sha).stream().filter(Row::active).findFirst().orElse(null);
        }
        if (active == null) {
            return;
        }
        // the active version is the shipped file (the usual case): parse the text in hand, not a copy from the database
        String source = active.sha().equals(sha) ? text : sourceText(active.id());
        PlanDocument doc = parser.parseString(source);
        loaded = new Loaded(active.id(), active.label(), doc);
        LOG.debugf("Plan version %s active, loaded in %d ms", active.label(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The shipped plan file becomes a version (once) and the active one when no version is active. */
    @Transactional
    void registerShippedPlan(String text, String sha) {
        if (PlanVersion.count("sourceSha256", sha) > 0) {
            if (PlanVersion.count("active", true) == 0) {
                PlanVersion.update("active = true where sourceSha256 = ?1", sha);
            }
            return;
        }
        PlanDocument doc = parse(text);
        store(doc, text, sha, "system");
    }

    private record Row(long id, String label, String sha, boolean active) {
    }

    /** The active version and the shipped file's version, if known (active first). */
    private List<Row> activeOrShipped(String sha) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, version_label, source_sha256, active FROM plan_version"
                        + " WHERE active = TRUE OR source_sha256 = ? ORDER BY active DESC, id DESC")) {
            ps.setString(1, sha);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the active plan version", e);
        }
    }

    private String sourceText(long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT source_text FROM plan_version WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("plan version " + id + " vanished");
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read plan version " + id, e);
        }
    }

    @Transactional
    public PlanVersionView upload(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw Invalid.request("request.empty");
        }
        String sha = sha256(yaml);
        if (PlanVersion.count("sourceSha256", sha) > 0) {
            throw DomainException.conflict("plan.already-loaded");
        }
        PlanDocument doc = parse(yaml);
        PlanVersion v = store(doc, yaml, sha, currentUser.username());
        loaded = null;
        return PlanVersionView.from(v);
    }

    public List<PlanVersionView> versions() {
        return PlanVersion.<PlanVersion>list("order by loadedAt desc, id desc").stream().map(PlanVersionView::from).toList();
    }

    private PlanVersion store(PlanDocument doc, String text, String sha, String by) {
        String label = doc.plan().version();
        if (PlanVersion.count("planCode = ?1 and versionLabel = ?2", doc.plan().code(), label) > 0) {
            // same label, different text: keep both, told apart by their checksum
            label = label + "+" + sha.substring(0, 8);
        }
        PlanVersion.update("active = false where active = true");
        PlanVersion v = new PlanVersion();
        v.planCode = doc.plan().code();
        v.versionLabel = label;
        v.titleZh = doc.plan().title().zh();
        v.titleEn = doc.plan().title().en();
        v.sourceSha256 = sha;
        v.sourceText = text;
        v.active = true;
        v.loadedAt = clock.now();
        v.loadedBy = by;
        v.persist();
        LOG.infof("Plan %s version %s loaded and active", v.planCode, v.versionLabel);
        return v;
    }

    private PlanDocument parse(String yaml) {
        try {
            return parser.parseString(yaml);
        } catch (PlanValidationException e) {
            List<DomainException.FieldError> errors = new ArrayList<>();
            for (String problem : e.problems()) {
                errors.add(new DomainException.FieldError("plan", "plan.invalid.detail", problem));
            }
            throw Invalid.rule("plan.invalid", errors);
        }
    }

    /**
     * Follows the active version: a version activated on another replica is served here within
     * {@code investcrm.plan.follow-every} (2 s). Each check is one indexed read of the active version's id; the text is
     * read and parsed only when it changed (issue 14: two replicas stay coherent after an upload; it was 60 s, and
     * read the whole plan text every time).
     */
    @Scheduled(every = "${investcrm.plan.follow-every:2s}", delayed = "${investcrm.plan.follow-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Long activeId = activeVersionId();
        if (activeId == null) {
            return;
        }
        Loaded current = loaded;
        if (current == null || current.versionId() != activeId) {
            PlanVersion active = activeVersion(activeId);
            PlanDocument doc = parser.parseString(active.sourceText);
            loaded = new Loaded(active.id, active.versionLabel, doc);
            LOG.infof("Plan version %s now served", active.versionLabel);
        }
    }

    @Transactional
    PlanVersion activeVersion(long id) {
        return PlanVersion.findById(id);
    }

    private Long activeVersionId() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM plan_version WHERE active = TRUE");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long id = rs.getLong(1);
            return rs.wasNull() ? null : id;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the active plan version", e);
        }
    }

    public Loaded active() {
        Loaded current = loaded;
        if (current == null) {
            refresh();
            current = loaded;
        }
        if (current == null) {
            throw new IllegalStateException("no plan version is active");
        }
        return current;
    }

    public PlanDocument document() {
        return active().document();
    }

    public boolean industryExists(String code) {
        return code != null && document().industry(code).isPresent();
    }

    public boolean zoneExists(String code) {
        return code != null && document().zone(code).isPresent();
    }

    /** What the company form offers from the plan: industries as an indented tree, zones, presence kinds. */
    public Choices choices(Locale locale) {
        PlanDocument doc = document();
        List<Option> industries = new ArrayList<>();
        for (Industry root : doc.rootIndustries()) {
            addIndustry(doc, root, 0, locale, industries);
        }
        List<Option> zones = doc.zones().stream().map(z -> new Option(z.code(), zoneLabel(z, locale))).toList();
        return new Choices(List.of(PresenceKind.values()).stream().map(Enum::name).toList(),
                industries, zones);
    }

    private static void addIndustry(PlanDocument doc, Industry industry, int depth, Locale locale, List<Option> out) {
        out.add(new Option(industry.code(), "\u3000".repeat(depth) + industry.name().get(locale)));
        for (Industry child : doc.childIndustries(industry.code())) {
            addIndustry(doc, child, depth + 1, locale, out);
        }
    }

    static String zoneLabel(Zone z, Locale locale) {
        return z.ref() + " " + z.name().get(locale);
    }

    public record Option(String code, String label) {
    }

    public record Choices(List<String> presenceKinds, List<Option> industries,
            List<Option> zones) {
    }

    private static String readResource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("plan file not found on the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read plan file " + path, e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
