package io.investcrm.company;

import static io.investcrm.core.Text.blank;
import static io.investcrm.core.Text.trimOrNull;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.investcrm.audit.AuditEvent;
import io.investcrm.audit.AuditService;
import io.investcrm.company.identity.CreditCode;
import io.investcrm.company.identity.HkCompanyNumber;
import io.investcrm.company.identity.Lei;
import io.investcrm.company.identity.NameNormalizer;
import io.investcrm.company.words.CodedWords;
import io.investcrm.core.AppClock;
import io.investcrm.core.DomainException;
import io.investcrm.core.DomainException.FieldError;
import io.investcrm.core.Invalid;
import io.investcrm.plan.PlanService;
import io.investcrm.security.CurrentUser;
import io.investcrm.security.Visibility;
import io.investcrm.web.FormValidator;

/**
 * Companies: read, create, edit, aliases, duplicates, group and memberships. Owns the transactions; every change is
 * audited field by field. The list's search is {@link CompanySearch}, its export {@link CompanyExporter}, the detail
 * page's read model {@link CompanyDetails}; all of them ask {@code security/Visibility} what the reader may see.
 */
@ApplicationScoped
public class CompanyService {

    public static final String AUDIT_TYPE = "company";

    @Inject
    FormValidator validator;

    @Inject
    AuditService audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    AppClock clock;

    @Inject
    PlanService plan;

    @Inject
    CompanySearchIndex searchIndex;

    @Inject
    DuplicateFinder duplicateFinder;

    @Inject
    EntityManager em;

    @Inject
    jakarta.enterprise.event.Event<CompanyZoneChanged> zoneChanged;

    @Inject
    Visibility visibility;

    @Inject
    CodedWords words;

    @Inject
    Event<CompanyChanged> changed;

    public CompanyView get(long id) {
        return CompanyView.from(find(id));
    }

    /** A company the signed-in user may see; hidden ones answer 404 like missing ones (issue 5 visibility). */
    public Company find(long id) {
        Company c = Company.findById(id);
        if (c == null) {
            throw DomainException.notFound("company", id);
        }
        visibility.checkCanSee(id);
        return c;
    }

    /** A company that has not been merged away: merged records are read-only history. */
    public Company findLive(long id) {
        Company c = find(id);
        if (c.survivorId != null) {
            throw DomainException.conflict("company.merged", id, c.survivorId);
        }
        return c;
    }

    public List<AuditEvent> history(long id) {
        find(id);
        return audit.history(AUDIT_TYPE, id);
    }

    @Transactional
    public CompanyView create(CompanyForm form) {
        return CompanyView.from(createEntity(form, List.of()));
    }

    /** Creates a company and its aliases in the caller's transaction (the import runs many in one). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Company createEntity(CompanyForm written, List<String> aliases) {
        List<FieldError> wordErrors = new ArrayList<>();
        CompanyForm form = understood(written, wordErrors);
        validate(form, null, wordErrors);
        Company c = new Company();
        apply(c, form);
        c.createdAt = clock.now();
        c.createdBy = currentUser.username();
        c.updatedAt = c.createdAt;
        c.updatedBy = c.createdBy;
        c.groupId = groupOf(c.parentId);
        List<String> aliasNames = aliases == null ? List.of() : aliases.stream().filter(a -> a != null && !a.isBlank()).toList();
        searchIndex.prepare(c, aliasNames);
        c.persist();
        for (String a : aliasNames) {
            persistAlias(c.id, CompanyAlias.Kind.ALIAS, a);
        }
        searchIndex.writeGrams(c);
        audit.record(AUDIT_TYPE, c.id, "create", c.displayName());
        changed.fire(new CompanyChanged(List.of(c.id)));
        return c;
    }

    @Transactional
    public CompanyView update(long id, CompanyForm written) {
        Company c = findLive(id);
        if (written == null || written.version() == null || written.version() != c.version) {
            throw DomainException.conflict("conflict.stale");
        }
        List<FieldError> wordErrors = new ArrayList<>();
        CompanyForm form = understood(written, wordErrors);
        validate(form, c.id, wordErrors);
        if (form.parentId() != null && inSubtree(c.id, form.parentId())) {
            // a parent below the company itself would make the group a cycle
            throw DomainException.invalid(List.of(new FieldError("parentId", "company.parent.cycle")));
        }
        Map<String, String> before = snapshot(c);
        Long oldGroup = c.groupKey();
        String oldZone = c.preferredZone;
        apply(c, form);
        c.updatedAt = clock.now();
        c.updatedBy = currentUser.username();
        c.groupId = groupOf(c.parentId);
        searchIndex.prepare(c);
        searchIndex.writeGrams(c);
        if (!oldGroup.equals(c.groupKey())) {
            // the subsidiaries move with their parent: a group counts once, so every member names the same top
            em.createNativeQuery("UPDATE company SET group_id = ?1, version = version + 1 WHERE group_id = ?2 AND id <> ?3")
                    .setParameter(1, c.groupKey()).setParameter(2, oldGroup).setParameter(3, c.id).executeUpdate();
        }
        if (!java.util.Objects.equals(oldZone, c.preferredZone)) {
            // counts kept by the firm's zone (the dashboard's activities) move with it, in this transaction
            zoneChanged.fire(new CompanyZoneChanged(c.id, oldZone, c.preferredZone));
        }
        recordChanges(c.id, "update", before, snapshot(c));
        changed.fire(new CompanyChanged(List.of(c.id)));
        return CompanyView.from(c);
    }

    void recordChanges(long id, String action, Map<String, String> before, Map<String, String> after) {
        audit.record(AUDIT_TYPE, id, action, null, AuditService.diff(before, after));
    }

    private boolean inSubtree(long rootId, long candidate) {
        Long cursor = candidate;
        for (int depth = 0; cursor != null && depth < 50; depth++) {
            if (cursor == rootId) {
                return true;
            }
            Company c = Company.findById(cursor);
            cursor = c == null ? null : c.parentId;
        }
        return false;
    }

    // ---- aliases ----

    public List<AliasView> aliases(long id) {
        find(id);
        return CompanyAlias.<CompanyAlias>list("companyId = ?1 order by id", id).stream().map(AliasView::from).toList();
    }

    @Transactional
    public AliasView addAlias(long id, AliasForm form) {
        Company c = findLive(id);
        validator.validate(form);
        String norm = NameNormalizer.standard().normalized(form.name());
        if (norm.isEmpty()) {
            throw DomainException.invalid(List.of(new FieldError("name", "company.alias.empty")));
        }
        if (CompanyAlias.count("companyId = ?1 and normName = ?2", id, norm) > 0) {
            throw DomainException.conflict("company.alias.exists");
        }
        CompanyAlias a = persistAlias(id, form.kind(), form.name().strip());
        touch(c);
        audit.record(AUDIT_TYPE, id, "alias-add", null, Map.of("alias", new String[] { null, form.kind() + ":" + a.name }));
        return AliasView.from(a);
    }

    @Transactional
    public void removeAlias(long id, long aliasId) {
        Company c = findLive(id);
        CompanyAlias a = CompanyAlias.findById(aliasId);
        if (a == null || a.companyId != id) {
            throw DomainException.notFound("company.alias", aliasId);
        }
        a.delete();
        em.flush();
        touch(c);
        audit.record(AUDIT_TYPE, id, "alias-remove", null, Map.of("alias", new String[] { a.kind + ":" + a.name, null }));
    }

    CompanyAlias persistAlias(long companyId, CompanyAlias.Kind kind, String name) {
        CompanyAlias a = new CompanyAlias();
        a.companyId = companyId;
        a.kind = kind;
        a.name = name.length() > 255 ? name.substring(0, 255) : name;
        a.normName = NameNormalizer.standard().normalized(a.name);
        a.createdAt = clock.now();
        a.createdBy = currentUser.username();
        a.persist();
        return a;
    }

    /** Names changed: the search text and bigrams follow, and the change counts as an update of the company. */
    void touch(Company c) {
        c.updatedAt = clock.now();
        c.updatedBy = currentUser.username();
        searchIndex.prepare(c);
        searchIndex.writeGrams(c);
    }

    // ---- duplicates, group, memberships ----

    public List<DuplicateView> duplicates(long id) {
        Company c = find(id);
        return visibleOnly(duplicateFinder.find(DuplicateFinder.facts(c, searchIndex.aliasNames(id)), id));
    }

    /**
     * Duplicates the user may not see collapse into one anonymous entry (the strongest match, the reasons of all):
     * the user learns a record exists and asks a manager, never which it is (issue 13, #3).
     */
    private List<DuplicateView> visibleOnly(List<DuplicateView> found) {
        List<DuplicateView> out = new ArrayList<>();
        DuplicateView hidden = null;
        for (DuplicateView d : found) {
            if (visibility.canSee(d.companyId())) {
                out.add(d);
            } else if (hidden == null) {
                hidden = DuplicateView.hiddenRecord(d.confidence(), new ArrayList<>(d.reasons()));
            } else {
                for (String reason : d.reasons()) {
                    if (!hidden.reasons().contains(reason)) {
                        hidden.reasons().add(reason);
                    }
                }
            }
        }
        if (hidden != null) {
            out.add(DuplicateView.hiddenRecord(hidden.confidence(), List.copyOf(hidden.reasons())));
        }
        return out;
    }

    /** What a form would duplicate, before it is saved. */
    public List<DuplicateView> duplicatesOf(CompanyForm form) {
        if (form == null) {
            throw Invalid.request("request.empty");
        }
        Long group = form.parentId() == null ? null : groupOf(form.parentId());
        CompanyForm understood = understood(form, new ArrayList<>());
        return visibleOnly(duplicateFinder.find(DuplicateFinder.facts(understood, group, List.of()), null));
    }

    public GroupView group(long id) {
        Company c = find(id);
        // the group's members are companies like any other: hidden ones are left out (issue 13, #3)
        Company top = Company.findById(c.groupKey());
        top = top != null && visibility.canSee(top.id) ? top : null;
        Company parent = c.parentId == null || !visibility.canSee(c.parentId) ? null : Company.findById(c.parentId);
        List<CompanySummary> children = Company.<Company>list("parentId = ?1 and survivorId is null order by id", id)
                .stream().filter(child -> visibility.canSee(child.id)).map(CompanySummary::from).toList();
        long size = Company.count("(groupId = ?1 or id = ?1) and survivorId is null", c.groupKey());
        return new GroupView(top == null ? null : CompanySummary.from(top), parent == null ? null : CompanySummary.from(parent),
                children, size);
    }

    @SuppressWarnings("unchecked")
    public List<MembershipView> memberships(long id) {
        find(id);
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.id, l.id, l.code, l.list_year, l.name_zh, l.name_en, l.scope, l.field_code, e.rank_no, e.link_status
                FROM ranking_entry e JOIN ranking_list l ON l.id = e.list_id
                WHERE e.company_id = ?1 AND e.link_status IN ('CONFIRMED', 'PROPOSED')
                ORDER BY l.list_year DESC, l.code, e.rank_no""").setParameter(1, id).getResultList();
        return rows.stream().map(r -> new MembershipView(CompanySummary.toLong(r[0]), CompanySummary.toLong(r[1]),
                (String) r[2], ((Number) r[3]).intValue(), (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                ((Number) r[8]).intValue(), (String) r[9])).toList();
    }

    /** A group is named by its top entity; a top entity has no group id (its own id is its group). */
    Long groupOf(Long parentId) {
        if (parentId == null) {
            return null;
        }
        Company parent = find(parentId);
        return parent.groupKey();
    }

    /** Field checks plus the rules only the database can answer; every problem at once, as field errors. */
    public void validate(CompanyForm form, Long selfId) {
        validate(form, selfId, List.of());
    }

    /** As {@link #validate(CompanyForm, Long)}, with the problems already found reading the person's words. */
    private void validate(CompanyForm form, Long selfId, List<FieldError> wordErrors) {
        List<FieldError> errors = new ArrayList<>(wordErrors);
        errors.addAll(problems(form, selfId));
        validator.validate(form == null ? CompanyForm.empty() : form, errors);
    }

    /** A form with the words people write (香港, 华强-上步片区, 集成电路设计) turned into codes (issue 15). */
    public CompanyForm understood(CompanyForm f, List<FieldError> errors) {
        if (f == null) {
            return null;
        }
        String country = CodedWords.code(words.country(f.hqCountry()), "hqCountry", errors);
        String presence = CodedWords.code(words.presence(f.presenceSought()), "presenceSought", errors);
        String zone = CodedWords.code(words.zone(f.preferredZone()), "preferredZone", errors);
        List<String> industries = null;
        if (f.industries() != null) {
            LinkedHashSet<String> codes = new LinkedHashSet<>();
            for (String word : f.industries()) {
                String c = CodedWords.code(words.industry(word), "industries", errors);
                if (c != null) {
                    codes.add(c);
                }
            }
            industries = new ArrayList<>(codes);
        }
        return new CompanyForm(f.nameZh(), f.nameEn(), f.nameTc(), f.creditCode(), f.hkCompanyNo(), f.lei(), country,
                f.hqCity(), f.entityRole(), f.parentId(), presence, f.businessActivities(), industries, f.revenueCnyM(),
                f.headcount(), f.spaceNeedSqm(), zone, f.website(), f.version());
    }

    /** The rule problems of a form without Bean Validation's; the import reports them per row. */
    public List<FieldError> problems(CompanyForm form, Long selfId) {
        if (form == null) {
            throw Invalid.request("request.empty");
        }
        List<FieldError> errors = new ArrayList<>();
        if (blank(form.nameZh()) && blank(form.nameEn())) {
            // a firm must be findable by at least one of the office's two working languages
            errors.add(new FieldError("nameZh", "company.name.required"));
        }
        if (!blank(form.creditCode())) {
            CreditCode.validationError(form.creditCode()).ifPresent(key -> errors.add(new FieldError("creditCode", key)));
            String code = CreditCode.normalize(form.creditCode());
            Company holder = Company.find("creditCode = ?1 and (?2 is null or id <> ?2)", code, selfId).firstResult();
            if (holder != null) {
                // a hidden holder is named to nobody: "a record you cannot see … ask a manager" (issue 13, #3)
                errors.add(new FieldError("creditCode", visibility.canSee(holder.id) ? "company.credit-code.taken"
                        : "company.credit-code.taken-hidden"));
            }
        }
        if (!blank(form.lei())) {
            if (!Lei.isValid(form.lei())) {
                errors.add(new FieldError("lei", "company.lei.invalid"));
            } else if (Company.count("lei = ?1 and (?2 is null or id <> ?2)", Lei.normalize(form.lei()), selfId) > 0) {
                errors.add(new FieldError("lei", "company.lei.taken"));
            }
        }
        if (!blank(form.hkCompanyNo())) {
            HkCompanyNumber.validationError(form.hkCompanyNo()).ifPresent(key -> errors.add(new FieldError("hkCompanyNo", key)));
        }
        if (form.industries() != null) {
            for (String code : form.industries()) {
                if (!plan.industryExists(code)) {
                    errors.add(new FieldError("industries", "company.industry.unknown", code));
                }
            }
        }
        if (!blank(form.preferredZone()) && !plan.zoneExists(form.preferredZone())) {
            errors.add(new FieldError("preferredZone", "company.zone.unknown", form.preferredZone()));
        }
        if (form.parentId() != null) {
            Company parent = Company.findById(form.parentId());
            if (form.parentId().equals(selfId) || parent == null || parent.survivorId != null) {
                errors.add(new FieldError("parentId", "company.parent.invalid"));
            }
        }
        return errors;
    }

    private static void apply(Company c, CompanyForm f) {
        c.nameZh = trimOrNull(f.nameZh());
        c.nameEn = trimOrNull(f.nameEn());
        c.nameTc = trimOrNull(f.nameTc());
        c.creditCode = blank(f.creditCode()) ? null : CreditCode.normalize(f.creditCode());
        c.hkCompanyNo = blank(f.hkCompanyNo()) ? null : HkCompanyNumber.normalize(f.hkCompanyNo());
        c.lei = blank(f.lei()) ? null : Lei.normalize(f.lei());
        c.hqCountry = trimOrNull(f.hqCountry());
        c.hqCity = trimOrNull(f.hqCity());
        c.entityRole = f.entityRole() == null ? EntityRole.STANDALONE : f.entityRole();
        c.parentId = f.parentId();
        c.presenceSought = trimOrNull(f.presenceSought());
        c.businessActivities = trimOrNull(f.businessActivities());
        c.industries.clear();
        if (f.industries() != null) {
            c.industries.addAll(new LinkedHashSet<>(f.industries()));
        }
        c.revenueCnyM = f.revenueCnyM();
        c.headcount = f.headcount();
        c.spaceNeedSqm = f.spaceNeedSqm();
        c.preferredZone = trimOrNull(f.preferredZone());
        c.website = trimOrNull(f.website());
    }

    static Map<String, String> snapshot(Company c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nameZh", c.nameZh);
        m.put("nameEn", c.nameEn);
        m.put("nameTc", c.nameTc);
        m.put("creditCode", c.creditCode);
        m.put("hkCompanyNo", c.hkCompanyNo);
        m.put("lei", c.lei);
        m.put("hqCountry", c.hqCountry);
        m.put("hqCity", c.hqCity);
        m.put("entityRole", String.valueOf(c.entityRole));
        m.put("parentId", c.parentId == null ? null : c.parentId.toString());
        m.put("presenceSought", c.presenceSought);
        m.put("businessActivities", c.businessActivities);
        m.put("industries", String.join(",", c.industries.stream().sorted().toList()));
        m.put("revenueCnyM", c.revenueCnyM == null ? null : c.revenueCnyM.toPlainString());
        m.put("headcount", c.headcount == null ? null : c.headcount.toString());
        m.put("spaceNeedSqm", c.spaceNeedSqm == null ? null : c.spaceNeedSqm.toString());
        m.put("preferredZone", c.preferredZone);
        m.put("website", c.website);
        return m;
    }

    LocalDateTime now() {
        return clock.now();
    }
}
