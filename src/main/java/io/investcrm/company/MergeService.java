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
import jakarta.enterprise.event.Event;
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
 * Merges a duplicate record into the surviving one, in one transaction: subsidiaries, group members and aliases move
 * here; contacts, activities, the pursuit and its history, follow-ups, ranking entries and offers are moved by the
 * features that own them, which observe {@link CompanyMerged}. The loser's names become aliases; the loser keeps its
 * row with {@code survivor_id} set (links to it keep resolving) and one audit record lists what moved.
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

    @Inject
    Event<CompanyMerged> mergedEvent;

    @Inject
    Event<CompanyChanged> changedEvent;

    @Inject
    Event<CompanyMergePreview> previewEvent;

    public MergePreview preview(long survivorId, long loserId) {
        Company survivor = companies.findLive(survivorId);
        Company loser = companies.findLive(loserId);
        checkPair(survivor, loser);
        // each feature counts the rows it owns and would move
        CompanyMergePreview counts = new CompanyMergePreview(survivorId, loserId);
        previewEvent.fire(counts);
        return new MergePreview(CompanySummary.from(survivor), CompanySummary.from(loser), survivor.version, loser.version,
                counts.number("contacts"), counts.number("activities"), counts.text("prospect", "NONE"),
                counts.number("prospectEvents"), counts.number("rankingEntries"), counts.number("followUps"),
                count("SELECT COUNT(*) FROM company WHERE parent_id = ?1", loserId), counts.number("offers"),
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
        // each feature moves the loser's rows it owns (contacts, activities and follow-ups, ranking entries, the
        // pursuit, offers), in this transaction, and says what it moved
        mergedEvent.fire(new CompanyMerged(s, l, moved));
        // (the company rows below get no new version: the survivor and the loser themselves may be among them)
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
        // the survivor may have gained fields from the loser; the loser is no longer matched
        changedEvent.fire(new CompanyChanged(List.of(s, l)));
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
