package io.investcrm.matching.engine;

import io.investcrm.plan.model.Belt;
import io.investcrm.plan.model.HqKind;
import io.investcrm.plan.model.Industry;
import io.investcrm.plan.model.ListTerm;
import io.investcrm.plan.model.PlanDocument;
import io.investcrm.plan.model.PlanSection;
import io.investcrm.plan.model.PresenceTerm;
import io.investcrm.plan.model.SectionKind;
import io.investcrm.plan.model.Target;
import io.investcrm.plan.model.TargetKind;
import io.investcrm.plan.model.TargetRule;
import io.investcrm.plan.model.TargetTier;
import io.investcrm.plan.model.Zone;
import io.investcrm.plan.model.ZoneArea;
import io.investcrm.plan.model.ZonePriority;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Matches a firm's profile against a plan: the industry sections that name its industry, the headquarters kinds it
 * fits, the zones meant for it and the targets it would count toward, each scored 0–100 and explained step by step
 * with the plan's refs. Built once per plan and weights (it precomputes the keyword trie, the industry relatedness
 * matrix and each zone's priorities); thread-safe and deterministic.
 *
 * <p>Scoring, all on 0–100:
 * <ul>
 * <li>A firm's industries come from its declared codes (strength {@code declaredIndustry}) and from keywords in its
 * activities ({@code keywordIndustry}). The fit of a firm to an industry the plan names is strength × relatedness
 * ({@code broaderMatch^d} / {@code narrowerMatch^d} when the plan names a broader / narrower one).</li>
 * <li>SECTION: 100 × the best fit to the industries the section names.</li>
 * <li>HQ_KIND (五(一)): the weighted mean of sector fit, presence kind and ranking list; needs a sector fit and
 * either the presence or the list.</li>
 * <li>ZONE (六(二)): the weighted mean of industry fit (the best priority plus {@code zoneBreadth} of each further
 * one), presence kind (when stated) and preferred zone (when stated; {@code sameBelt} of it for a zone on the same
 * axis or wing); needs an industry fit.</li>
 * <li>TARGET: {@code targetRanking} × field fit when a ranking membership qualifies (rule RANKING), or
 * {@code targetField} × field fit (rule FIELD).</li>
 * </ul>
 * Each piece of evidence counts once per zone (its best fit among the zone's priorities), so a zone that names an
 * industry and also its parent or child gains nothing twice. Finer parts keep ties rare: further distinct evidence
 * for a section raises it toward 100, and a zone gains up to {@value #ORDER_BONUS} point for naming the firm's
 * industry early in its list (the plan names a zone's main line first). Results are ordered by score (descending),
 * then by the plan's own order of the refs (五(二)1 before 五(二)2 before 五(三)1; a box after the part it closes),
 * then type and code.
 */
public final class MatchingEngine {

    /** At most this many points for the position of the best priority in a zone's list. */
    static final double ORDER_BONUS = 1.0;

    /**
     * Keyword evidence loses this share of its strength per industry mentioned before it (at most five steps): a
     * description says first what the firm is ("a law firm advising on capital markets" is a law firm).
     */
    static final double MENTION_DECAY = 0.03;

    /** Share of the gap to 100 that further distinct evidence for a section may close, per unit of fit. */
    private static final double SECTION_SUPPORT = 0.25;

    private final Comparator<MatchResult> order;
    private final Map<String, Double> planOrder = new HashMap<>();

    private record SectionEntry(PlanSection section, int[] industries, List<PlanSection> actionPlans) {
    }

    private record ZoneEntry(Zone zone, int[] industries, List<List<ZonePriority>> priorities,
                             Map<String, Belt> beltMates, double[] orderBonus) {
    }

    private record HqEntry(HqKind kind, int[] sectors) {
    }

    private record TargetEntry(Target target, int[] fields) {
    }

    private final PlanDocument plan;
    private final MatchWeights weights;
    private final Taxonomy taxonomy;
    private final KeywordMatcher keywords = new KeywordMatcher();
    private final Explanations explain;
    private final List<SectionEntry> sections = new ArrayList<>();
    private final Map<String, ZoneEntry> zones = new LinkedHashMap<>();
    private final List<HqEntry> hqKinds = new ArrayList<>();
    private final List<TargetEntry> targets = new ArrayList<>();
    private final Target spaceTarget;

    public MatchingEngine(PlanDocument plan) {
        this(plan, MatchWeights.defaults());
    }

    public MatchingEngine(PlanDocument plan, MatchWeights weights) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.weights = Objects.requireNonNull(weights, "weights");
        this.taxonomy = new Taxonomy(plan.industries(), weights);
        this.explain = new Explanations(plan, taxonomy);
        for (int i = 0; i < taxonomy.size(); i++) {
            Industry industry = taxonomy.get(i);
            keywords.add(industry.name().zh(), i);
            if (industry.name().en() != null) {
                keywords.add(industry.name().en(), i);
            }
            for (String k : industry.keywords()) {
                keywords.add(k, i);
            }
        }
        MaskedTerms.BOILERPLATE.forEach(keywords::mask);
        MaskedTerms.UNRELATED_LONGER_WORDS.forEach(keywords::mask);
        keywords.freeze();
        indexPlanOrder();
        this.order = Comparator.comparingDouble(MatchResult::score).reversed()
                .thenComparingDouble((MatchResult r) -> planOrder.getOrDefault(r.ref(), Double.MAX_VALUE))
                .thenComparing(MatchResult::type)
                .thenComparing(MatchResult::code);
        indexSections();
        for (Zone z : plan.zones()) {
            zones.put(z.code(), zoneEntry(z));
        }
        for (HqKind h : plan.hqKinds()) {
            hqKinds.add(new HqEntry(h, h.sectors().stream().mapToInt(s -> taxonomy.indexOf(s.industry())).toArray()));
        }
        for (Target t : plan.targets()) {
            if (t.rule() != TargetRule.REPORT) {
                targets.add(new TargetEntry(t,
                        t.fields().stream().mapToInt(f -> taxonomy.indexOf(f.industry())).toArray()));
            }
        }
        this.spaceTarget = plan.targets().stream().filter(t -> t.kind() == TargetKind.SPACE).findFirst().orElse(null);
    }

    public PlanDocument plan() {
        return plan;
    }

    public MatchWeights weights() {
        return weights;
    }

    /** Every section, HQ kind, zone and target the profile matches, best first; empty for an empty profile. */
    public List<MatchResult> match(MatchProfile profile) {
        Objects.requireNonNull(profile, "profile");
        List<Evidence> evidence = evidence(profile);
        List<MatchResult> out = new ArrayList<>();
        matchSections(evidence, out);
        matchHqKinds(evidence, profile, out);
        for (ZoneEntry z : zones.values()) {
            List<MatchReason> reasons = new ArrayList<>();
            double score = zoneScore(z, evidence, profile, reasons);
            if (score > 0) {
                out.add(new MatchResult(ResultType.ZONE, z.zone().ref(), z.zone().code(), z.zone().name(),
                        round(score), reasons));
            }
        }
        matchTargets(evidence, profile, out);
        out.removeIf(r -> r.score() < weights.minScore());
        out.sort(order);
        return List.copyOf(out);
    }

    /** The results of one type, best first. */
    public List<MatchResult> match(MatchProfile profile, ResultType type) {
        return match(profile).stream().filter(r -> r.type() == type).toList();
    }

    /**
     * The zone score of {@link #match} for one zone without building explanations: 0–100, 0 when the zone names
     * nothing the firm does. Meant for ranking many firms for a zone.
     */
    public double scoreForZone(MatchProfile profile, String zoneCode) {
        ZoneEntry z = zones.get(zoneCode);
        if (z == null) {
            throw new IllegalArgumentException("unknown zone '" + zoneCode + "'");
        }
        return round(zoneScore(z, evidence(profile), profile, null));
    }

    /** The industry codes the keywords in {@code text} point to, in text order (e.g. to suggest codes on import). */
    public List<String> industriesMentionedIn(String text) {
        Set<String> codes = new LinkedHashSet<>();
        if (text != null) {
            for (KeywordMatcher.Hit hit : keywords.find(text)) {
                for (int i : hit.industries()) {
                    codes.add(taxonomy.get(i).code());
                }
            }
        }
        return List.copyOf(codes);
    }

    private List<Evidence> evidence(MatchProfile profile) {
        List<Evidence> out = new ArrayList<>(4);
        for (String code : profile.industryCodes()) {
            int i = taxonomy.indexOf(code);
            if (i >= 0) {
                add(out, new Evidence(i, weights.declaredIndustry(), null, null));
            }
        }
        int mentioned = 0;
        Set<Integer> seen = new HashSet<>();
        for (String activity : profile.activities()) {
            for (KeywordMatcher.Hit hit : keywords.find(activity)) {
                double strength = weights.keywordIndustry() * (1 - MENTION_DECAY * Math.min(mentioned, 5));
                boolean any = false;
                for (int i : hit.industries()) {
                    add(out, new Evidence(i, strength, hit.keyword(), snippet(activity, hit.keyword())));
                    any |= seen.add(i);
                }
                if (any) {
                    mentioned++;
                }
            }
        }
        return out;
    }

    /** The part of a long text around the keyword (explanations quote it); the text itself when short. */
    static String snippet(String text, String keyword) {
        int max = 40;
        if (text.length() <= max) {
            return text;
        }
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf(keyword.toLowerCase(java.util.Locale.ROOT));
        if (at < 0) {
            return text.substring(0, max) + "…";
        }
        int from = Math.max(0, at - 12);
        int to = Math.min(text.length(), Math.max(at + keyword.length() + 12, from + max));
        return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    }

    /** Keeps one piece of evidence per industry, the strongest (the first on a tie). */
    private static void add(List<Evidence> evidence, Evidence e) {
        for (int k = 0; k < evidence.size(); k++) {
            Evidence existing = evidence.get(k);
            if (existing.industry() == e.industry()) {
                if (e.strength() > existing.strength()) {
                    evidence.set(k, e);
                }
                return;
            }
        }
        evidence.add(e);
    }

    private double fit(Evidence e, int named) {
        return named < 0 ? 0 : e.strength() * taxonomy.relatedness(e.industry(), named);
    }

    private double fit(List<Evidence> evidence, int named) {
        double best = 0;
        for (Evidence e : evidence) {
            best = Math.max(best, fit(e, named));
        }
        return best;
    }

    private Evidence strongest(List<Evidence> evidence, int named) {
        Evidence best = null;
        double value = 0;
        for (Evidence e : evidence) {
            double f = fit(e, named);
            if (f > value) {
                value = f;
                best = e;
            }
        }
        return best;
    }

    // 五(二)–(四): a section that names the firm's industry (or a broader/narrower one) scores the best such fit.
    private void matchSections(List<Evidence> evidence, List<MatchResult> out) {
        if (evidence.isEmpty()) {
            return;
        }
        for (SectionEntry s : sections) {
            double best = 0;
            List<double[]> pairs = new ArrayList<>();
            for (int k = 0; k < evidence.size(); k++) {
                int bestNamed = -1;
                double value = 0;
                for (int named : s.industries()) {
                    double f = fit(evidence.get(k), named);
                    if (f > value) {
                        value = f;
                        bestNamed = named;
                    }
                }
                if (value > 0) {
                    pairs.add(new double[] {value, k, bestNamed});
                    best = Math.max(best, value);
                }
            }
            if (best <= 0) {
                continue;
            }
            pairs.sort(Comparator.comparingDouble((double[] p) -> p[0]).reversed());
            // further distinct evidence for the same section makes the firm's case stronger (and ties rarer)
            double support = 0;
            for (int k = 1; k < pairs.size(); k++) {
                support += pairs.get(k)[0];
            }
            double score = best + (1 - best) * Math.min(1, SECTION_SUPPORT * support);
            List<MatchReason> reasons = new ArrayList<>();
            for (double[] p : pairs) {
                reasons.add(explain.section(s.section(), evidence.get((int) p[1]), (int) p[2]));
            }
            s.actionPlans().forEach(box -> reasons.add(explain.actionPlan(box)));
            out.add(new MatchResult(ResultType.SECTION, s.section().ref(), s.section().ref(), s.section().title(),
                    round(100 * score), reasons));
        }
    }

    // 五(一): an HQ kind wants firms of its sectors that set up the presence it names or belong to the lists it names.
    private void matchHqKinds(List<Evidence> evidence, MatchProfile profile, List<MatchResult> out) {
        for (HqEntry entry : hqKinds) {
            HqKind h = entry.kind();
            double sector = 0;
            int sectorIndex = -1;
            Evidence sectorEvidence = null;
            for (int j = 0; j < entry.sectors().length; j++) {
                Evidence e = strongest(evidence, entry.sectors()[j]);
                if (e != null && fit(e, entry.sectors()[j]) > sector) {
                    sector = fit(e, entry.sectors()[j]);
                    sectorIndex = j;
                    sectorEvidence = e;
                }
            }
            PresenceTerm presence = h.presence().stream().filter(p -> p.kind() == profile.presenceKind())
                    .findFirst().orElse(null);
            ListTerm list = h.lists().stream()
                    .filter(l -> profile.rankings().stream().anyMatch(m -> l.list().equals(m.listCode())))
                    .findFirst().orElse(null);
            if (sector <= 0 || (presence == null && list == null)) {
                continue;
            }
            double numerator = weights.hqSector() * sector + (presence != null ? weights.hqPresence() : 0)
                    + (list != null ? weights.hqRanking() : 0);
            double denominator = weights.hqSector() + weights.hqPresence()
                    + (h.lists().isEmpty() ? 0 : weights.hqRanking());
            List<MatchReason> reasons = new ArrayList<>();
            reasons.add(explain.hqSector(h, h.sectors().get(sectorIndex), sectorEvidence,
                    entry.sectors()[sectorIndex]));
            if (presence != null) {
                reasons.add(explain.hqPresence(h, presence));
            }
            if (list != null) {
                reasons.add(explain.hqList(h, list));
            }
            out.add(new MatchResult(ResultType.HQ_KIND, h.ref(), h.ref(), h.title(),
                    round(100 * numerator / denominator), reasons));
        }
    }

    // 六(二): a zone scores by the industries its section (and the boxes naming it) prioritise, the presence kinds it
    // suits and the firm's own preference; 六(一)'s axis and wings give partial credit to a preferred zone's neighbours.
    private double zoneScore(ZoneEntry z, List<Evidence> evidence, MatchProfile profile, List<MatchReason> reasons) {
        if (evidence.isEmpty()) {
            return 0;
        }
        // each piece of evidence counts once: its best fit among the zone's priorities (a zone naming both an
        // industry and its parent gains nothing twice); the best piece counts fully, further ones by zoneBreadth
        double best = 0;
        double total = 0;
        double bonus = 0;
        for (Evidence e : evidence) {
            double own = 0;
            double ownBonus = 0;
            for (int k = 0; k < z.industries().length; k++) {
                double f = fit(e, z.industries()[k]);
                if (f > own || (f == own && f > 0 && z.orderBonus()[k] > ownBonus)) {
                    own = f;
                    ownBonus = z.orderBonus()[k];
                }
            }
            total += own;
            if (own > best || (own == best && ownBonus > bonus)) {
                best = own;
                bonus = ownBonus;
            }
        }
        if (best <= 0) {
            return 0;
        }
        double industryFit = Math.min(1, best + weights.zoneBreadth() * (total - best));
        double numerator = weights.zoneIndustry() * industryFit;
        double denominator = weights.zoneIndustry();
        Zone zone = z.zone();
        // presence is a bonus where the zone's text names presence kinds; a zone that names none is not marked down
        if (profile.presenceKind() != null && !zone.presence().isEmpty()) {
            denominator += weights.zonePresence();
            if (zone.suits(profile.presenceKind())) {
                numerator += weights.zonePresence();
            }
        }
        Belt sharedBelt = null;
        // a place the firm's own text names (one of the areas a zone's paragraph lists) stands for a preferred zone
        // when none is chosen
        PlaceMention place = profile.preferredZone() == null ? placeIn(profile) : null;
        String preferred = place != null ? place.zone().code() : profile.preferredZone();
        if (preferred != null) {
            denominator += weights.zonePreferred();
            if (zone.code().equals(preferred)) {
                numerator += weights.zonePreferred();
            } else {
                sharedBelt = z.beltMates().get(preferred);
                if (sharedBelt != null) {
                    numerator += weights.zonePreferred() * weights.sameBelt();
                }
            }
        }
        if (reasons != null) {
            explainZone(z, evidence, profile, place, sharedBelt, reasons);
        }
        // the order bonus sits on top of a scale of 100 - ORDER_BONUS, so it still tells zones apart at the top
        return denominator <= 0 ? 0 : (100 - ORDER_BONUS) * numerator / denominator + bonus * best;
    }

    private void explainZone(ZoneEntry z, List<Evidence> evidence, MatchProfile profile, PlaceMention place,
                             Belt sharedBelt, List<MatchReason> reasons) {
        Zone zone = z.zone();
        double[] fits = new double[z.industries().length];
        List<Integer> matched = new ArrayList<>();
        for (int k = 0; k < fits.length; k++) {
            fits[k] = fit(evidence, z.industries()[k]);
            if (fits[k] > 0) {
                matched.add(k);
            }
        }
        matched.sort(Comparator.comparingDouble((Integer k) -> fits[k]).reversed());
        for (int k : matched) {
            int named = z.industries()[k];
            Evidence e = strongest(evidence, named);
            for (ZonePriority p : z.priorities().get(k)) {
                reasons.add(explain.zonePriority(zone, p, e, named));
            }
        }
        if (profile.presenceKind() != null) {
            zone.presence().stream().filter(p -> p.kind() == profile.presenceKind()).findFirst()
                    .ifPresent(p -> reasons.add(explain.zonePresence(zone, p)));
        }
        String preferred = place != null ? place.zone().code() : profile.preferredZone();
        if (place != null && zone.code().equals(preferred)) {
            reasons.add(explain.zoneArea(zone, place.area(), place.place()));
        } else if (zone.code().equals(preferred)) {
            reasons.add(explain.preferredZone(zone));
        } else if (sharedBelt != null) {
            plan.zone(preferred).ifPresent(pref -> reasons.add(explain.sameBelt(pref, sharedBelt)));
        }
        if (spaceTarget != null && profile.spaceNeedM2() != null && profile.spaceNeedM2() > 0) {
            reasons.add(explain.space(spaceTarget, profile.spaceNeedM2()));
        }
    }

    /** A place named in the firm's text and the zone area it belongs to. */
    private record PlaceMention(Zone zone, ZoneArea area, String place) {
    }

    /** The first place of a zone's named areas the firm's text mentions (plan order), or null. */
    private PlaceMention placeIn(MatchProfile profile) {
        if (profile.activities().isEmpty()) {
            return null;
        }
        for (Zone zone : plan.zones()) {
            for (ZoneArea area : zone.areas()) {
                for (String place : area.places()) {
                    for (String clause : profile.activities()) {
                        if (clause.contains(place)) {
                            return new PlaceMention(zone, area, place);
                        }
                    }
                }
            }
        }
        return null;
    }

    // Targets: 专栏9/专栏10 count ranked firms of their fields by tier, the F500 baseline counts list members,
    // 专栏1 #10 counts every licensed financial institution (rule FIELD).
    private void matchTargets(List<Evidence> evidence, MatchProfile profile, List<MatchResult> out) {
        for (TargetEntry entry : targets) {
            Target t = entry.target();
            List<MatchReason> reasons = new ArrayList<>();
            double score;
            if (t.rule() == TargetRule.FIELD) {
                score = fieldTarget(entry, evidence, reasons);
            } else {
                score = rankingTarget(entry, evidence, profile, reasons);
            }
            if (score > 0) {
                reasons.add(0, explain.targetSummary(t));
                out.add(new MatchResult(ResultType.TARGET, t.ref(), t.code(), t.title(), round(score), reasons));
            }
        }
    }

    private double fieldTarget(TargetEntry entry, List<Evidence> evidence, List<MatchReason> reasons) {
        double best = 0;
        int bestField = -1;
        Evidence bestEvidence = null;
        for (int j = 0; j < entry.fields().length; j++) {
            Evidence e = strongest(evidence, entry.fields()[j]);
            if (e != null && fit(e, entry.fields()[j]) > best) {
                best = fit(e, entry.fields()[j]);
                bestField = j;
                bestEvidence = e;
            }
        }
        if (best <= 0) {
            return 0;
        }
        reasons.add(explain.targetField(entry.target().fields().get(bestField), bestEvidence, bestEvidence.industry(),
                entry.fields()[bestField]));
        return 100 * weights.targetField() * best;
    }

    private double rankingTarget(TargetEntry entry, List<Evidence> evidence, MatchProfile profile,
                                 List<MatchReason> reasons) {
        Target t = entry.target();
        // A target may count only some presence kinds (the F500 baseline counts HQs and branches, not R&D centres).
        if (!t.presence().isEmpty() && profile.presenceKind() != null
                && !t.presence().contains(profile.presenceKind())) {
            return 0;
        }
        double best = 0;
        List<MatchReason> bestReasons = null;
        for (RankingMembership m : profile.rankings()) {
            if (!t.lists().isEmpty() && !t.lists().contains(m.listCode())) {
                continue;
            }
            TargetTier tier = t.tiers().stream().filter(x -> x.admits(m.scope(), m.rank())).findFirst().orElse(null);
            if (!t.tiers().isEmpty() && tier == null) {
                continue;
            }
            // 专栏9/专栏10 rank professional-service firms: a ranking counts only when it ranks one of their fields
            // (a top-10 bank in a Hong Kong league table is no top-10 law firm)
            if (!t.tiers().isEmpty() && entry.fields().length > 0 && !ranksAField(entry, m)) {
                continue;
            }
            List<MatchReason> candidate = new ArrayList<>();
            double field = 1;
            if (entry.fields().length > 0) {
                field = rankedFieldFit(entry, m, evidence, candidate);
            }
            if (field > best) {
                best = field;
                candidate.add(0, tier != null ? explain.targetTier(t, tier, m) : explain.targetList(t, m));
                bestReasons = candidate;
            }
        }
        if (bestReasons == null) {
            return 0;
        }
        reasons.addAll(bestReasons);
        return 100 * weights.targetRanking() * best;
    }

    private boolean ranksAField(TargetEntry entry, RankingMembership m) {
        int ranked = taxonomy.indexOf(m.field());
        if (ranked < 0) {
            return false;
        }
        for (int named : entry.fields()) {
            if (named >= 0 && taxonomy.relatedness(ranked, named) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The field a ranking states decides; without one, the firm's own industries do. */
    private double rankedFieldFit(TargetEntry entry, RankingMembership m, List<Evidence> evidence,
                                  List<MatchReason> reasons) {
        int rankedField = taxonomy.indexOf(m.field());
        double best = 0;
        int bestField = -1;
        Evidence bestEvidence = null;
        for (int j = 0; j < entry.fields().length; j++) {
            int named = entry.fields()[j];
            if (rankedField >= 0) {
                double f = named < 0 ? 0 : taxonomy.relatedness(rankedField, named);
                if (f > best) {
                    best = f;
                    bestField = j;
                }
            } else {
                Evidence e = strongest(evidence, named);
                if (e != null && fit(e, named) > best) {
                    best = fit(e, named);
                    bestField = j;
                    bestEvidence = e;
                }
            }
        }
        if (best > 0) {
            reasons.add(explain.targetField(entry.target().fields().get(bestField), bestEvidence,
                    bestEvidence != null ? bestEvidence.industry() : rankedField, entry.fields()[bestField]));
        }
        return best;
    }

    /**
     * The plan's own order of its refs: sections as the file lists them (the text's order), each box right after the
     * last section of the part it closes (专栏2 after 五(二)1–3, before 五(三)).
     */
    private void indexPlanOrder() {
        List<PlanSection> all = plan.sections();
        double position = 0;
        for (PlanSection s : all) {
            if (s.kind() != SectionKind.BOX) {
                planOrder.put(s.ref(), position++);
            }
        }
        for (PlanSection box : all) {
            if (box.kind() != SectionKind.BOX) {
                continue;
            }
            double after = planOrder.getOrDefault(box.parent(), position);
            for (PlanSection s : all) {
                if (s.kind() != SectionKind.BOX && isUnder(s, box.parent())) {
                    after = Math.max(after, planOrder.get(s.ref()));
                }
            }
            planOrder.put(box.ref(), after + 0.5);
        }
    }

    private boolean isUnder(PlanSection s, String ancestor) {
        for (String p = s.parent(); p != null; p = plan.section(p).map(PlanSection::parent).orElse(null)) {
            if (p.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private void indexSections() {
        Set<String> excluded = new HashSet<>();
        plan.zones().forEach(z -> excluded.add(z.ref()));
        plan.hqKinds().forEach(h -> excluded.add(h.ref()));
        Map<String, List<Integer>> named = new LinkedHashMap<>();
        for (int i = 0; i < taxonomy.size(); i++) {
            String ref = taxonomy.get(i).ref();
            if (ref != null && !excluded.contains(ref) && plan.hasSection(ref)) {
                named.computeIfAbsent(ref, k -> new ArrayList<>()).add(i);
                // an industry a box names (components in 专栏2) belongs to the section the box is the action plan
                // of too: the nearest industry above it with a section of its own
                if (plan.section(ref).map(sec -> sec.kind() == SectionKind.BOX).orElse(false)) {
                    for (Industry a = parentOf(taxonomy.get(i)); a != null; a = parentOf(a)) {
                        if (a.ref() != null && !excluded.contains(a.ref()) && plan.section(a.ref())
                                .map(sec -> sec.kind() != SectionKind.BOX).orElse(false)) {
                            named.computeIfAbsent(a.ref(), k -> new ArrayList<>()).add(i);
                            break;
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, List<Integer>> e : named.entrySet()) {
            PlanSection section = plan.section(e.getKey()).orElseThrow();
            sections.add(new SectionEntry(section, e.getValue().stream().mapToInt(Integer::intValue).toArray(),
                    actionPlans(section)));
        }
    }

    private Industry parentOf(Industry industry) {
        int p = industry.parent() == null ? -1 : taxonomy.indexOf(industry.parent());
        return p < 0 ? null : taxonomy.get(p);
    }

    /** The boxes that close the section or the part it belongs to (e.g. 专栏9 for 五(四)1). */
    private List<PlanSection> actionPlans(PlanSection section) {
        Set<String> scope = new HashSet<>();
        for (PlanSection s = section; s != null && s.kind() != SectionKind.CHAPTER;
             s = s.parent() == null ? null : plan.section(s.parent()).orElse(null)) {
            scope.add(s.ref());
        }
        return plan.sections().stream()
                .filter(s -> s.kind() == SectionKind.BOX && s.parent() != null && scope.contains(s.parent())
                        && !s.ref().equals(section.ref()))
                .toList();
    }

    private ZoneEntry zoneEntry(Zone z) {
        Map<Integer, List<ZonePriority>> byIndustry = new LinkedHashMap<>();
        for (ZonePriority p : z.priorities()) {
            int i = taxonomy.indexOf(p.industry());
            if (i >= 0) {
                byIndustry.computeIfAbsent(i, k -> new ArrayList<>()).add(p);
            }
        }
        Map<String, Belt> mates = new HashMap<>();
        for (Belt b : plan.beltsOf(z.code())) {
            for (String other : b.zones()) {
                if (!other.equals(z.code())) {
                    mates.putIfAbsent(other, b);
                }
            }
        }
        // the earlier the zone's text names an industry, the more it is the zone's main line
        int count = z.priorities().size();
        double[] orderBonus = new double[byIndustry.size()];
        int k = 0;
        for (List<ZonePriority> ps : byIndustry.values()) {
            int first = z.priorities().indexOf(ps.get(0));
            orderBonus[k++] = ORDER_BONUS * (count - first) / count;
        }
        return new ZoneEntry(z, byIndustry.keySet().stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(byIndustry.values()), Map.copyOf(mates), orderBonus);
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }
}
