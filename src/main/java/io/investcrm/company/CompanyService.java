package io.investcrm.company;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.investcrm.audit.AuditService;
import io.investcrm.company.identity.CreditCode;
import io.investcrm.company.identity.HkCompanyNumber;
import io.investcrm.company.identity.Lei;
import io.investcrm.company.identity.NameNormalizer;
import io.investcrm.plan.PlanService;
import io.investcrm.security.CurrentUser;
import io.investcrm.system.AppClock;
import io.investcrm.web.DomainException;
import io.investcrm.web.DomainException.FieldError;
import io.investcrm.web.FormValidator;
import io.investcrm.web.PageView;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Companies: create, edit, find. Owns the transactions; every change is audited field by field. */
@ApplicationScoped
public class CompanyService {

    static final String AUDIT_TYPE = "company";

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

    public PageView<CompanySummary> list(String query, Integer page, Integer size) {
        int[] ps = PageView.clamp(page, size);
        var q = query == null || query.isBlank()
                ? Company.find("survivorId is null", Sort.by("updatedAt").descending().and("id", Sort.Direction.Descending))
                : Company.find("survivorId is null and searchText like ?1",
                        Sort.by("updatedAt").descending().and("id", Sort.Direction.Descending),
                        "%" + escapeLike(NameNormalizer.standard().fold(query)) + "%");
        long total = q.count();
        List<Company> rows = q.page(Page.of(ps[0], ps[1])).list();
        return new PageView<>(rows.stream().map(CompanySummary::from).toList(), ps[0], ps[1], total);
    }

    public CompanyView get(long id) {
        return CompanyView.from(find(id));
    }

    Company find(long id) {
        Company c = Company.findById(id);
        if (c == null) {
            throw DomainException.notFound("company", id);
        }
        return c;
    }

    @Transactional
    public CompanyView create(CompanyForm form) {
        validate(form, null);
        Company c = new Company();
        apply(c, form);
        c.createdAt = clock.now();
        c.createdBy = currentUser.username();
        c.updatedAt = c.createdAt;
        c.updatedBy = c.createdBy;
        c.groupId = groupOf(c.parentId);
        searchIndex.prepare(c);
        c.persist();
        searchIndex.writeGrams(c);
        audit.record(AUDIT_TYPE, c.id, "create", c.displayName());
        return CompanyView.from(c);
    }

    @Transactional
    public CompanyView update(long id, CompanyForm form) {
        Company c = find(id);
        if (form.version() == null || form.version() != c.version) {
            throw DomainException.conflict("conflict.stale");
        }
        validate(form, c.id);
        Map<String, String> before = snapshot(c);
        apply(c, form);
        c.updatedAt = clock.now();
        c.updatedBy = currentUser.username();
        c.groupId = groupOf(c.parentId);
        searchIndex.prepare(c);
        searchIndex.writeGrams(c);
        Map<String, String> after = snapshot(c);
        Map<String, String[]> changes = new LinkedHashMap<>();
        before.forEach((k, v) -> changes.put(k, new String[] { v, after.get(k) }));
        audit.record(AUDIT_TYPE, c.id, "update", null, changes);
        return CompanyView.from(c);
    }

    /** A group is named by its top entity; a top entity has no group id (its own id is its group). */
    private Long groupOf(Long parentId) {
        if (parentId == null) {
            return null;
        }
        Company parent = find(parentId);
        return parent.groupKey();
    }

    private void validate(CompanyForm form, Long selfId) {
        if (form == null) {
            throw new DomainException(400, "request.empty");
        }
        List<FieldError> errors = new ArrayList<>();
        if (blank(form.nameZh()) && blank(form.nameEn())) {
            // a firm must be findable by at least one of the office's two working languages
            errors.add(new FieldError("nameZh", "company.name.required"));
        }
        if (!blank(form.creditCode())) {
            CreditCode.validationError(form.creditCode()).ifPresent(key -> errors.add(new FieldError("creditCode", key)));
            String code = CreditCode.normalize(form.creditCode());
            if (Company.count("creditCode = ?1 and (?2 is null or id <> ?2)", code, selfId) > 0) {
                errors.add(new FieldError("creditCode", "company.credit-code.taken"));
            }
        }
        if (!blank(form.lei()) && !Lei.isValid(form.lei())) {
            errors.add(new FieldError("lei", "company.lei.invalid"));
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
        if (form.parentId() != null && (form.parentId().equals(selfId) || Company.findById(form.parentId()) == null)) {
            errors.add(new FieldError("parentId", "company.parent.invalid"));
        }
        validator.validate(form, errors);
    }

    private static void apply(Company c, CompanyForm f) {
        c.nameZh = trim(f.nameZh());
        c.nameEn = trim(f.nameEn());
        c.nameTc = trim(f.nameTc());
        c.creditCode = blank(f.creditCode()) ? null : CreditCode.normalize(f.creditCode());
        c.hkCompanyNo = blank(f.hkCompanyNo()) ? null : HkCompanyNumber.normalize(f.hkCompanyNo());
        c.lei = blank(f.lei()) ? null : Lei.normalize(f.lei());
        c.hqCountry = trim(f.hqCountry());
        c.hqCity = trim(f.hqCity());
        c.entityRole = f.entityRole() == null ? EntityRole.STANDALONE : f.entityRole();
        c.parentId = f.parentId();
        c.presenceSought = trim(f.presenceSought());
        c.businessActivities = trim(f.businessActivities());
        c.industries.clear();
        if (f.industries() != null) {
            c.industries.addAll(new LinkedHashSet<>(f.industries()));
        }
        c.revenueCnyM = f.revenueCnyM();
        c.headcount = f.headcount();
        c.spaceNeedSqm = f.spaceNeedSqm();
        c.preferredZone = trim(f.preferredZone());
        c.website = trim(f.website());
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

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
