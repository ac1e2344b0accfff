package io.investcrm.goals.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.investcrm.plan.model.LocalizedText;
import io.investcrm.plan.model.TargetTier;

/**
 * The plan's counting rules as plain Java (issue 10, 专栏9, 专栏10, 二(一)1(2), 专栏1 #10/#11). A firm counts when it
 * qualifies (a ranking in the window, tier and field, a listed group, or a valid licence), has landed and been verified
 * by a second person on or before the day asked about, has not departed by then, and its group has not counted
 * already. A merged duplicate never counts (its survivor does); a signed or unverified landing is forecast, not counted.
 */
public final class CountingRules {

    private CountingRules() {
    }

    /** One verdict per relevant firm: counted, forecast or excluded with the reason. Firms the target ignores are left out. */
    public static List<Verdict> apply(CountingRule rule, List<Firm> firms, CountingWindow window, LocalDate asOf) {
        List<Firm> ordered = new ArrayList<>(firms);
        // earliest landing first: the group's first landed entity is the one that counts
        ordered.sort(Comparator.comparing(Firm::landedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Firm::companyId));
        Set<Long> countedGroups = new HashSet<>();
        List<Verdict> out = new ArrayList<>();
        for (Firm f : ordered) {
            Verdict v = judge(rule, f, window, asOf, countedGroups);
            if (v != null) {
                out.add(v);
                if (v.counted() && rule.kind() != CountingRule.Kind.LICENCE) {
                    countedGroups.add(f.groupKey());
                }
            }
        }
        return out;
    }

    private static Verdict judge(CountingRule rule, Firm f, CountingWindow window, LocalDate asOf, Set<Long> groups) {
        if (f.stage() == null && f.mergedInto() == null) {
            // nobody pursues it and it is no merged duplicate: nothing to count, forecast or explain (most of the firms
            // on the lists at district size), so its rankings are not even looked at
            return null;
        }
        Qualifier q = qualifier(rule, f, window, asOf);
        boolean pursued = f.stage() != null;
        if (q == null) {
            if (!f.landed() || f.mergedInto() != null) {
                return null;
            }
            // a landed firm with a ranking that would qualify but for its year, else with none that qualifies (e.g. F500 only)
            String code = rule.kind() != CountingRule.Kind.LICENCE && qualifier(rule, f, CountingWindow.open(), LocalDate.MAX) != null
                    ? "goals.excluded.ranking-outside-window" : rule.kind() == CountingRule.Kind.LICENCE
                    ? "goals.excluded.no-valid-licence" : "goals.excluded.no-qualifying-ranking";
            return excluded(f, code, null);
        }
        if (f.mergedInto() != null) {
            return excluded(f, "goals.excluded.merged", q);
        }
        if (!pursued) {
            return null;
        }
        if (!f.landed()) {
            if (!f.open()) {
                return null;
            }
            String code = "SIGNED".equals(f.stage()) ? "goals.forecast.signed-not-landed" : "goals.forecast.open";
            return new Verdict(f, Verdict.Status.FORECAST, code, q.membership, q.licence, q.tier, q.reason);
        }
        if (f.landedOn() == null || f.landedOn().isAfter(asOf)) {
            return new Verdict(f, Verdict.Status.FORECAST, "goals.forecast.unverified", q.membership, q.licence, q.tier, q.reason);
        }
        if (!window.admitsDate(f.landedOn())) {
            return excluded(f, "goals.excluded.landed-outside-window", q);
        }
        if (f.departedOn() != null && !f.departedOn().isAfter(asOf)) {
            return excluded(f, "goals.excluded.departed", q);
        }
        if (rule.kind() != CountingRule.Kind.LICENCE && groups.contains(f.groupKey())) {
            return excluded(f, "goals.excluded.group-counted", q);
        }
        return new Verdict(f, Verdict.Status.COUNTED, "goals.counted", q.membership, q.licence, q.tier, q.reason);
    }

    private static Verdict excluded(Firm f, String code, Qualifier q) {
        return q == null ? new Verdict(f, Verdict.Status.EXCLUDED, code, null, null, null, null)
                : new Verdict(f, Verdict.Status.EXCLUDED, code, q.membership, q.licence, q.tier, q.reason);
    }

    private record Qualifier(Membership membership, Licence licence, String tier, LocalizedText reason) {
    }

    /** The best ranking (lowest rank) or a valid licence that qualifies the firm, with the reason text. */
    private static Qualifier qualifier(CountingRule rule, Firm f, CountingWindow window, LocalDate asOf) {
        switch (rule.kind()) {
            case ANY_LANDING -> {
                return new Qualifier(null, null, null, new LocalizedText("已核实落地 → " + rule.ref(), "verified landing → " + rule.ref()));
            }
            case LICENCE -> {
                Optional<Licence> l = f.licences().stream()
                        .filter(x -> x.type().equals(rule.licenceType()) && x.validOn(asOf)).findFirst();
                return l.map(x -> new Qualifier(null, x, null, licenceReason(rule, x))).orElse(null);
            }
            case LISTED_GROUP -> {
                return f.memberships().stream()
                        .filter(m -> rule.lists().contains(m.listCode()) && inWindow(m, window, asOf))
                        .min(Comparator.comparingInt(Membership::rank))
                        .map(m -> new Qualifier(m, null, null, new LocalizedText(
                                m.listName().zh() + " " + m.listYear() + " 第 " + m.rank() + " 名 → " + rule.ref(),
                                m.listName().en() + " " + m.listYear() + " #" + m.rank() + " → " + rule.ref())))
                        .orElse(null);
            }
            default -> {
                Membership best = null;
                TargetTier bestTier = null;
                for (Membership m : f.memberships()) {
                    // only rankings of the target's fields count: a Fortune Global 500 rank qualifies nobody here
                    if (!rule.inField(m.fieldCode()) || m.fieldCode() == null || !inWindow(m, window, asOf)
                            || (!rule.lists().isEmpty() && !rule.lists().contains(m.listCode()))) {
                        continue;
                    }
                    for (TargetTier t : rule.tiers()) {
                        if (t.admits(m.scope(), m.rank()) && (best == null || m.rank() < best.rank())) {
                            best = m;
                            bestTier = t;
                        }
                    }
                }
                if (best == null) {
                    return null;
                }
                // the reason is written once, for the ranking that qualifies
                return new Qualifier(best, null, bestTier.scope().name(), new LocalizedText(
                        best.listName().zh() + " " + best.listYear() + " 第 " + best.rank() + " 名 → " + rule.ref() + " "
                                + bestTier.scope().label().zh() + "前" + bestTier.maxRank(),
                        best.listName().en() + " " + best.listYear() + " #" + best.rank() + " → " + rule.ref() + " "
                                + bestTier.scope().label().en() + " top " + bestTier.maxRank()));
            }
        }
    }

    private static boolean inWindow(Membership m, CountingWindow window, LocalDate asOf) {
        // a ranking published after the day asked about did not qualify anyone on that day
        return window.admitsYear(m.listYear()) && (asOf.equals(LocalDate.MAX) || m.listYear() <= asOf.getYear());
    }

    private static LocalizedText licenceReason(CountingRule rule, Licence l) {
        LocalizedText type = typeLabel(l.type());
        String until = l.validTo() == null ? "" : l.validTo().toString();
        return new LocalizedText(type.zh() + " " + l.number() + (until.isEmpty() ? "" : "（有效期至 " + until + "）") + " → " + rule.ref(),
                type.en() + " " + l.number() + (until.isEmpty() ? "" : " (valid to " + until + ")") + " → " + rule.ref());
    }

    private static LocalizedText typeLabel(String type) {
        try {
            return LicenceType.valueOf(type).label();
        } catch (IllegalArgumentException e) {
            return new LocalizedText(type, type);
        }
    }
}
