package io.investcrm.company;

import static io.investcrm.core.Text.blank;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.audit.AuditService;
import io.investcrm.company.identity.NameNormalizer;
import io.investcrm.core.DomainException;
import io.investcrm.core.Invalid;
import io.investcrm.web.FormValidator;

/**
 * Merges a duplicate record into the surviving one, in one transaction: contacts, activities, the pursuit and its
 * history, follow-ups, ranking entries, offers and subsidiaries move; the loser's names become aliases; the loser keeps its row
 * with {@code survivor_id} set (links to it keep resolving) and one audit record lists what moved.
 */
@ApplicationScoped
public class MergeService {

    @Inject
    CompanyService companies;

    @Inject
    CompanySearchIndex searchIndex;

    @Inject
    AuditService audit;

    @Inject
    FormValidator validator;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    public MergePreview preview(long survivorId, long loserId) {
        Company survivor = companies.findLive(survivorId);
        Company loser = companies.findLive(loserId);
        checkPair(survivor, loser);
        Long sp = prospectOf(survivorId);
        Long lp = prospectOf(loserId);
        String prospect = lp == null ? "NONE" : sp == null ? "MOVE" : "EVENTS";
        long events = lp == null ? 0 : count("SELECT COUNT(*) FROM prospect_event WHERE prospect_id = ?1", lp);
        return new MergePreview(CompanySummary.from(survivor), CompanySummary.from(loser), survivor.version, loser.version,
                count("SELECT COUNT(*) FROM contact WHERE company_id = ?1", loserId),
                count("SELECT COUNT(*) FROM activity_company WHERE company_id = ?1", loserId),
                prospect, events,
                count("SELECT COUNT(*) FROM ranking_entry WHERE company_id = ?1", loserId),
                count("SELECT COUNT(*) FROM follow_up WHERE company_id = ?1", loserId),
                count("SELECT COUNT(*) FROM company WHERE parent_id = ?1", loserId),
                count("SELECT COUNT(*) FROM offer WHERE company_id = ?1", loserId),
                newAliases(survivor, loser), fillable(survivor, loser));
    }

    @Transactional
    public CompanyView merge(MergeForm form) {
        if (form == null) {
            throw Invalid.request("request.empty");
        }
        validator.validate(form);
        Company survivor = companies.findLive(form.survivorId());
        Company loser = companies.findLive(form.loserId());
        checkPair(survivor, loser);
        if (survivor.version != form.survivorVersion() || loser.version != form.loserVersion()) {
            throw DomainException.conflict("conflict.stale");
        }
        long s = survivor.id;
        long l = loser.id;
        Map<String, Object> moved = new LinkedHashMap<>();
        moved.put("loserId", l);
        moved.put("loserName", loser.displayName());
        // moved rows get a new version: an edit begun before the merge is refused (409) instead of moving them back
        // (not the company rows below: the survivor and the loser themselves may be among them, and are written after)
        moved.put("contacts", update("UPDATE contact SET company_id = ?1, version = version + 1 WHERE company_id = ?2", s, l));
        moved.put("activities", moveActivities(s, l));
        moved.put("followUps", update("UPDATE follow_up SET company_id = ?1, version = version + 1 WHERE company_id = ?2", s, l));
        moved.put("rankingEntries", update("UPDATE ranking_entry SET company_id = ?1 WHERE company_id = ?2", s, l));
        moveProspect(s, l, moved);
        // offers follow the company; their audit rows (their history) follow the offers
        moved.put("offers", update("UPDATE offer SET company_id = ?1, version = version + 1 WHERE company_id = ?2", s, l));
        moved.put("children", update("UPDATE company SET parent_id = ?1 WHERE parent_id = ?2", s, l));
        // the loser's group members now belong to the survivor's group: a group counts once
        update("UPDATE company SET group_id = ?1 WHERE group_id = ?2", survivor.groupKey(), l);

        Map<String, String> before = CompanyService.snapshot(survivor);
        List<String> filled = fill(survivor, loser);
        moved.put("filledFields", filled);
        List<String> aliases = newAliases(survivor, loser);
        update("UPDATE company_alias SET company_id = ?1 WHERE company_id = ?2", s, l);
        for (String name : aliases) {
            if (CompanyAlias.count("companyId = ?1 and normName = ?2", s, NameNormalizer.standard().normalized(name)) == 0) {
                companies.persistAlias(s, CompanyAlias.Kind.MERGED, name);
            }
        }
        moved.put("aliases", aliases);

        loser.survivorId = s;
        loser.updatedAt = companies.now();
        loser.updatedBy = survivor.updatedBy = audit.record(CompanyService.AUDIT_TYPE, l, "merged", "→ " + s).actor;
        searchIndex.removeGrams(l);
        em.flush();
        companies.touch(survivor);
        String detail = toJson(moved);
        Map<String, String> after = CompanyService.snapshot(survivor);
        audit.record(CompanyService.AUDIT_TYPE, s, "merge", detail, AuditService.diff(before, after));
        return CompanyView.from(survivor);
    }

    private void checkPair(Company survivor, Company loser) {
        if (survivor.id.equals(loser.id)) {
            throw DomainException.unprocessable("company.merge.same");
        }
        // the survivor must not end up below the record that disappears
        for (Long cursor = survivor.parentId; cursor != null; ) {
            if (cursor.equals(loser.id)) {
                throw DomainException.unprocessable("company.merge.ancestor");
            }
            Company c = Company.findById(cursor);
            cursor = c == null ? null : c.parentId;
        }
    }

    /** An activity that names both firms keeps one link, to the survivor. */
    @SuppressWarnings("unchecked")
    private int moveActivities(long s, long l) {
        List<Object> both = em.createNativeQuery("SELECT a.activity_id FROM activity_company a JOIN activity_company b "
                + "ON b.activity_id = a.activity_id AND b.company_id = ?1 WHERE a.company_id = ?2")
                .setParameter(1, s).setParameter(2, l).getResultList();
        if (!both.isEmpty()) {
            em.createNativeQuery("DELETE FROM activity_company WHERE company_id = ?1 AND activity_id IN (?2)")
                    .setParameter(1, l).setParameter(2, both.stream().map(CompanySummary::toLong).toList()).executeUpdate();
        }
        return both.size() + update("UPDATE activity_company SET company_id = ?1 WHERE company_id = ?2", s, l);
    }

    /** One pursuit per company: the survivor's wins, the loser's history joins it; a lone loser pursuit moves whole. */
    private void moveProspect(long s, long l, Map<String, Object> moved) {
        Long sp = prospectOf(s);
        Long lp = prospectOf(l);
        if (lp == null) {
            moved.put("prospect", "NONE");
            return;
        }
        if (sp == null) {
            update("UPDATE prospect SET company_id = ?1 WHERE id = ?2", s, lp);
            moved.put("prospect", "MOVE");
            return;
        }
        Object[] old = (Object[]) em.createNativeQuery("SELECT stage, status, owner FROM prospect WHERE id = ?1")
                .setParameter(1, lp).getSingleResult();
        moved.put("prospect", "EVENTS");
        moved.put("loserProspect", Map.of("id", lp, "stage", String.valueOf(old[0]), "status", String.valueOf(old[1]),
                "owner", String.valueOf(old[2])));
        moved.put("prospectEvents", update("UPDATE prospect_event SET prospect_id = ?1 WHERE prospect_id = ?2", sp, lp));
        // offers made during the loser's pursuit now belong to the surviving pursuit
        update("UPDATE offer SET prospect_id = ?1, version = version + 1 WHERE prospect_id = ?2", sp, lp);
        update("DELETE FROM prospect WHERE id = ?1", lp, null);
    }

    /** Fields the survivor lacks and the loser has; unique identifiers are released by the loser first. */
    private List<String> fill(Company survivor, Company loser) {
        List<String> filled = fillable(survivor, loser);
        if (filled.contains("creditCode") || filled.contains("lei")) {
            String code = loser.creditCode;
            String lei = loser.lei;
            if (filled.contains("creditCode")) {
                loser.creditCode = null;
            }
            if (filled.contains("lei")) {
                loser.lei = null;
            }
            em.flush();
            if (filled.contains("creditCode")) {
                survivor.creditCode = code;
            }
            if (filled.contains("lei")) {
                survivor.lei = lei;
            }
        }
        if (filled.contains("hkCompanyNo")) {
            survivor.hkCompanyNo = loser.hkCompanyNo;
        }
        if (filled.contains("nameZh")) {
            survivor.nameZh = loser.nameZh;
        }
        if (filled.contains("nameEn")) {
            survivor.nameEn = loser.nameEn;
        }
        if (filled.contains("nameTc")) {
            survivor.nameTc = loser.nameTc;
        }
        if (filled.contains("industries")) {
            survivor.industries.addAll(loser.industries);
        }
        return filled;
    }

    private static List<String> fillable(Company s, Company l) {
        List<String> out = new ArrayList<>();
        if (s.creditCode == null && l.creditCode != null) {
            out.add("creditCode");
        }
        if (s.lei == null && l.lei != null) {
            out.add("lei");
        }
        if (s.hkCompanyNo == null && l.hkCompanyNo != null) {
            out.add("hkCompanyNo");
        }
        if (blank(s.nameZh) && !blank(l.nameZh)) {
            out.add("nameZh");
        }
        if (blank(s.nameEn) && !blank(l.nameEn)) {
            out.add("nameEn");
        }
        if (blank(s.nameTc) && !blank(l.nameTc)) {
            out.add("nameTc");
        }
        if (!s.industries.containsAll(l.industries)) {
            out.add("industries");
        }
        return out;
    }

    /** The loser's names that the survivor does not already carry. */
    private static List<String> newAliases(Company s, Company l) {
        NameNormalizer n = NameNormalizer.standard();
        Set<String> known = new LinkedHashSet<>();
        for (String name : new String[] { s.nameZh, s.nameEn, s.nameTc }) {
            if (!blank(name)) {
                known.add(n.normalized(name));
            }
        }
        List<String> out = new ArrayList<>();
        for (String name : new String[] { l.nameZh, l.nameEn, l.nameTc }) {
            if (!blank(name) && known.add(n.normalized(name))) {
                out.add(name);
            }
        }
        return out;
    }

    private Long prospectOf(long companyId) {
        List<?> rows = em.createNativeQuery("SELECT id FROM prospect WHERE company_id = ?1").setParameter(1, companyId)
                .getResultList();
        return rows.isEmpty() ? null : CompanySummary.toLong(rows.get(0));
    }

    private long count(String sql, long id) {
        Object r = em.createNativeQuery(sql).setParameter(1, id).getSingleResult();
        return r instanceof BigInteger b ? b.longValue() : ((Number) r).longValue();
    }

    private int update(String sql, Object a, Object b) {
        var q = em.createNativeQuery(sql).setParameter(1, a);
        if (b != null) {
            q.setParameter(2, b);
        }
        return q.executeUpdate();
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
