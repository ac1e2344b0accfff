package io.investcrm.company.ranking;

import static io.investcrm.core.Text.blank;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.investcrm.audit.AuditService;
import io.investcrm.company.Company;
import io.investcrm.company.CompanyService;
import io.investcrm.company.DuplicateFinder;
import io.investcrm.company.DuplicateView;
import io.investcrm.company.Pursuits;
import io.investcrm.company.identity.CompanyFacts;
import io.investcrm.company.identity.CreditCode;
import io.investcrm.company.identity.DuplicateMatch.Confidence;
import io.investcrm.company.identity.HkCompanyNumber;
import io.investcrm.company.identity.Lei;
import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.core.Invalid;
import io.investcrm.plan.PlanService;
import io.investcrm.security.CurrentUser;
import io.investcrm.web.FormValidator;
import io.investcrm.web.PageView;

/**
 * Ranking lists as reference data: lists and their entries, each entry linked to a company by identifiers and
 * normalised names. Only an identifier match links on its own; a name match is proposed and a person confirms it,
 * because goal counting (专栏9, 专栏10) rests on CONFIRMED links.
 */
@ApplicationScoped
public class RankingService {

    public static final String AUDIT_TYPE = "ranking";
    public static final List<String> COVERAGE = Arrays.stream(Pursuits.Coverage.values()).map(Enum::name).toList();

    @Inject
    EntityManager em;

    @Inject
    DuplicateFinder duplicates;

    @Inject
    CompanyService companies;

    @Inject
    PlanService plan;

    @Inject
    AuditService audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    AppClock clock;

    @Inject
    io.investcrm.security.Visibility visibility;

    @Inject
    FormValidator validator;

    /** The pipeline's answers about pursuits: how far a listed firm got is its judgement of its own stages. */
    @Inject
    Pursuits pursuits;

    public List<RankingView> lists() {
        return Ranking.<Ranking>list("order by year desc, code").stream().map(this::view).toList();
    }

    public RankingView get(long id) {
        return view(find(id));
    }

    Ranking find(long id) {
        Ranking r = Ranking.findById(id);
        if (r == null) {
            throw DomainException.notFound("ranking", id);
        }
        return r;
    }

    /** The problems of a list header, for the API and the import's dry run alike. */
    public List<FieldError> problems(RankingForm form) {
        List<FieldError> errors = new ArrayList<>();
        if (form.fieldCode() != null && !form.fieldCode().isBlank() && !plan.industryExists(form.fieldCode())) {
            errors.add(new FieldError("fieldCode", "company.industry.unknown", form.fieldCode()));
        }
        if (form.code() != null && form.year() != null && Ranking.count("code = ?1 and year = ?2", form.code(), form.year()) > 0) {
            errors.add(new FieldError("code", "ranking.exists", form.code(), String.valueOf(form.year())));
        }
        return errors;
    }

    public void validate(RankingForm form) {
        if (form == null) {
            throw Invalid.request("request.empty");
        }
        validator.validate(form, problems(form));
    }

    @Transactional
    public RankingView create(RankingForm form) {
        return view(createEntity(form));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Ranking createEntity(RankingForm form) {
        validate(form);
        Ranking r = new Ranking();
        r.code = form.code();
        r.year = form.year();
        r.nameZh = form.nameZh().strip();
        r.nameEn = form.nameEn().strip();
        r.scope = form.scope();
        r.fieldCode = form.fieldCode() == null || form.fieldCode().isBlank() ? null : form.fieldCode();
        r.source = form.source() == null || form.source().isBlank() ? null : form.source().strip();
        r.createdAt = clock.now();
        r.createdBy = currentUser.username();
        r.persist();
        audit.record(AUDIT_TYPE, r.id, "create", r.code + " " + r.year);
        return r;
    }

    /** Adds an entry and links it; in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RankingEntry addEntry(long listId, EntryRow row) {
        RankingEntry e = new RankingEntry();
        e.listId = listId;
        e.rank = row.rank();
        e.name = row.name().strip();
        e.nameEn = blank(row.nameEn()) ? null : row.nameEn().strip();
        e.creditCode = blank(row.creditCode()) ? null : CreditCode.normalize(row.creditCode());
        e.hkCompanyNo = blank(row.hkCompanyNo()) ? null : HkCompanyNumber.normalize(row.hkCompanyNo());
        e.lei = blank(row.lei()) ? null : Lei.normalize(row.lei());
        link(e);
        e.persist();
        return e;
    }

    /**
     * Links an entry to its most likely company: an identifier match is CONFIRMED outright, a name match PROPOSED for
     * review, nothing UNLINKED. An entry a person rejected is left alone.
     */
    void link(RankingEntry e) {
        List<String> names = new ArrayList<>();
        names.add(e.name);
        names.add(e.nameEn);
        List<DuplicateView> found = duplicates.find(new CompanyFacts(e.creditCode, e.hkCompanyNo, e.lei, names, null), null);
        DuplicateView best = found.isEmpty() ? null : found.get(0);
        if (best == null) {
            e.companyId = null;
            e.linkStatus = LinkStatus.UNLINKED;
            e.linkScore = null;
            e.linkReason = null;
            return;
        }
        e.companyId = best.companyId();
        e.linkStatus = best.confidence() == Confidence.CERTAIN ? LinkStatus.CONFIRMED : LinkStatus.PROPOSED;
        e.linkScore = switch (best.confidence()) {
            case CERTAIN -> BigDecimal.ONE;
            case PROBABLE -> new BigDecimal("0.900");
            case POSSIBLE -> new BigDecimal("0.700");
        };
        e.linkReason = String.join(",", best.reasons());
    }

    /** Tries again to link the entries that have no company yet (e.g. after the firms were imported). */
    @Transactional
    public RankingView relink(long listId) {
        Ranking r = find(listId);
        int linked = 0;
        for (RankingEntry e : RankingEntry.<RankingEntry>list("listId = ?1 and linkStatus = ?2", listId, LinkStatus.UNLINKED)) {
            link(e);
            linked += e.linkStatus == LinkStatus.UNLINKED ? 0 : 1;
        }
        audit.record(AUDIT_TYPE, r.id, "relink", String.valueOf(linked));
        return view(r);
    }

    @Transactional
    public EntryView review(long entryId, ReviewForm form) {
        if (form == null) {
            throw Invalid.request("request.empty");
        }
        validator.validate(form);
        RankingEntry e = RankingEntry.findById(entryId);
        if (e == null) {
            throw DomainException.notFound("ranking.entry", entryId);
        }
        String before = e.linkStatus + (e.companyId == null ? "" : ":" + e.companyId);
        switch (form.decision()) {
            case CONFIRM -> {
                if (e.companyId == null || e.linkStatus != LinkStatus.PROPOSED) {
                    throw DomainException.conflict("ranking.entry.nothing-proposed");
                }
                e.linkStatus = LinkStatus.CONFIRMED;
            }
            case REJECT -> {
                if (e.companyId == null) {
                    throw DomainException.conflict("ranking.entry.nothing-proposed");
                }
                e.linkReason = "rejected:" + e.companyId;
                e.companyId = null;
                e.linkScore = null;
                e.linkStatus = LinkStatus.REJECTED;
            }
            case LINK -> {
                if (form.companyId() == null) {
                    throw DomainException.invalid(List.of(new FieldError("companyId", "validation.required")));
                }
                e.companyId = companies.findLive(form.companyId()).id;
                e.linkStatus = LinkStatus.CONFIRMED;
                e.linkScore = BigDecimal.ONE;
                e.linkReason = "manual";
            }
        }
        e.reviewedBy = currentUser.username();
        e.reviewedAt = clock.now();
        String after = e.linkStatus + (e.companyId == null ? "" : ":" + e.companyId);
        audit.record(AUDIT_TYPE, e.listId, "review", "entry " + e.id + " #" + e.rank,
                Map.of("entry" + e.id, new String[] { before, after }));
        em.flush();
        return entry(e.id);
    }

    @SuppressWarnings("unchecked")
    public PageView<EntryView> entries(long listId, String status, String coverage, Integer page, Integer size) {
        find(listId);
        int[] ps = PageView.clamp(page, size);
        StringBuilder where = new StringBuilder(" WHERE e.list_id = ?1");
        List<Object> params = new ArrayList<>(List.of(listId));
        if (!blank(status)) {
            params.add(status);
            where.append(" AND e.link_status = ?").append(params.size());
        }
        if (!blank(coverage)) {
            params.add(coverage);
            where.append(" AND ").append(coverageSql()).append(" = ?").append(params.size());
            // filtering by coverage must not tell how far a hidden pursuit got (issue 13, #3)
            io.investcrm.security.Visibility.Predicate visible = visibility.companySql("e.company_id");
            where.append(" AND (e.company_id IS NULL OR ").append(visible.ordinal(params)).append(")");
        }
        var select = em.createNativeQuery("SELECT e.id, e.list_id, e.rank_no, e.entry_name, e.entry_name_en, e.credit_code, "
                + "e.hk_company_no, e.lei, e.company_id, " + Company.displayNameSql("c") + ", e.link_status, e.link_score, "
                + "e.link_reason, " + coverageSql() + ", p.stage" + entryFrom() + where + " ORDER BY e.rank_no, e.id");
        var count = em.createNativeQuery("SELECT COUNT(*)" + entryFrom() + where);
        for (int i = 0; i < params.size(); i++) {
            select.setParameter(i + 1, params.get(i));
            count.setParameter(i + 1, params.get(i));
        }
        List<Object[]> rows = select.setFirstResult(ps[0] * ps[1]).setMaxResults(ps[1]).getResultList();
        return new PageView<>(rows.stream().map(RankingService::entryOf).map(this::visible).toList(), ps[0], ps[1],
                ((Number) count.getSingleResult()).longValue());
    }

    /** Every entry of a list, for export. */
    public List<EntryView> allEntries(long listId) {
        List<EntryView> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageView<EntryView> p = entries(listId, null, null, page, 200);
            out.addAll(p.items());
            if (!p.hasNext()) {
                return out;
            }
        }
    }

    /**
     * The list's entries with links and coverage as a file download, with the headers and labels people read (Chinese,
     * or English): the list's own columns come first, so the file imports again as a list (issue 15).
     */
    public jakarta.ws.rs.core.Response exportFile(long listId, io.investcrm.web.table.TableFormat format, java.util.Locale locale) {
        Ranking list = find(listId);
        List<List<String>> rows = new ArrayList<>();
        for (EntryView e : allEntries(listId)) {
            rows.add(java.util.Arrays.asList(String.valueOf(e.rank()), e.name(), e.nameEn(), e.creditCode(), e.hkCompanyNo(),
                    e.lei(), e.companyId() == null ? null : e.companyId().toString(), e.companyName(),
                    label(locale, "ranking.link.", e.linkStatus().name()), label(locale, "ranking.coverage.", e.coverage()),
                    label(locale, "company.stage.", e.stage())));
        }
        byte[] data = io.investcrm.web.table.TableWriter.write(format,
                RankingColumns.EXPORT.stream().map(c -> c.header(locale)).toList(), rows);
        return jakarta.ws.rs.core.Response.ok(data, format.mediaType()).header("Content-Disposition",
                "attachment; filename=\"" + list.code + "-" + list.year + "." + format.extension() + "\"").build();
    }

    private static String label(java.util.Locale locale, String prefix, String code) {
        return code == null ? null : io.investcrm.web.Messages.format(locale, prefix + code);
    }

    @SuppressWarnings("unchecked")
    EntryView entry(long id) {
        List<Object[]> rows = em.createNativeQuery("SELECT e.id, e.list_id, e.rank_no, e.entry_name, e.entry_name_en, "
                + "e.credit_code, e.hk_company_no, e.lei, e.company_id, " + Company.displayNameSql("c") + ", e.link_status, "
                + "e.link_score, e.link_reason, " + coverageSql() + ", p.stage" + entryFrom() + " WHERE e.id = ?1")
                .setParameter(1, id).getResultList();
        return visible(entryOf(rows.get(0)));
    }

    /**
     * The list's own data (rank, name, codes) is public; which company it is linked to and how far its pursuit got
     * is not, when the signed-in user may not see that company (issue 13, #3): entries and exports show it unlinked.
     */
    private EntryView visible(EntryView e) {
        if (e.companyId() == null || visibility.canSee(e.companyId())) {
            return e;
        }
        return new EntryView(e.id(), e.listId(), e.rank(), e.name(), e.nameEn(), e.creditCode(), e.hkCompanyNo(), e.lei(),
                null, null, e.linkStatus(), null, null, null, null);
    }

    private static EntryView entryOf(Object[] r) {
        return new EntryView(toLong(r[0]), toLong(r[1]), ((Number) r[2]).intValue(), (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], r[8] == null ? null : toLong(r[8]), (String) r[9],
                LinkStatus.valueOf((String) r[10]), (BigDecimal) r[11], (String) r[12], (String) r[13], (String) r[14]);
    }

    @SuppressWarnings("unchecked")
    private RankingView view(Ranking r) {
        Map<String, Long> links = new LinkedHashMap<>();
        for (LinkStatus s : LinkStatus.values()) {
            links.put(s.name(), 0L);
        }
        long total = 0;
        for (Object[] row : (List<Object[]>) em.createNativeQuery(
                "SELECT link_status, COUNT(*) FROM ranking_entry WHERE list_id = ?1 GROUP BY link_status")
                .setParameter(1, r.id).getResultList()) {
            long n = ((Number) row[1]).longValue();
            links.put((String) row[0], n);
            total += n;
        }
        Map<String, Long> coverage = new LinkedHashMap<>();
        COVERAGE.forEach(k -> coverage.put(k, 0L));
        for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT " + coverageSql() + " AS cov, COUNT(*)" + entryFrom()
                + " WHERE e.list_id = ?1 GROUP BY cov").setParameter(1, r.id).getResultList()) {
            coverage.put((String) row[0], ((Number) row[1]).longValue());
        }
        return new RankingView(r.id, r.version, r.code, r.year, r.nameZh, r.nameEn, r.scope, r.fieldCode, r.source, total,
                links, coverage, r.createdAt, r.createdBy);
    }

    /** How far the office got with a listed firm (only a CONFIRMED link counts), from the joined pursuit {@code p}. */
    private String coverageSql() {
        return pursuits.coverageSql("p");
    }

    private String entryFrom() {
        return " FROM ranking_entry e LEFT JOIN company c ON c.id = e.company_id " + pursuits.joinSql("p", "e.company_id")
                + " AND e.link_status = 'CONFIRMED'";
    }

    private static long toLong(Object o) {
        return ((Number) o).longValue();
    }
}
