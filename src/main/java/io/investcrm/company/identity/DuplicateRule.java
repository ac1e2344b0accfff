package io.investcrm.company.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.investcrm.company.identity.DuplicateMatch.Confidence;
import io.investcrm.company.identity.DuplicateReason.Kind;

/**
 * Decides whether a candidate company duplicates an existing record.
 *
 * <ul>
 *   <li>CERTAIN: same credit code, Hong Kong company number or LEI.</li>
 *   <li>PROBABLE: same normalized name, or similarity at least the probable threshold between names
 *       with the same branch part, when no identifier present on both sides differs.</li>
 *   <li>POSSIBLE: anything else that matched (same core name, similar name, same group), every name
 *       match between records whose identifiers differ, and a branch against its head office –
 *       those are distinct legal entities.</li>
 * </ul>
 * Every name of one record is compared with every name of the other, so Traditional, English and
 * former names count, and a name typed into the wrong field still matches.
 */
public final class DuplicateRule {

    public static final double DEFAULT_PROBABLE_THRESHOLD = 0.9;
    public static final double DEFAULT_POSSIBLE_THRESHOLD = 0.7;

    private final NameNormalizer normalizer;
    private final NameSimilarity similarity;
    private final double probableThreshold;
    private final double possibleThreshold;

    public DuplicateRule() {
        this(NameNormalizer.standard(), DEFAULT_PROBABLE_THRESHOLD, DEFAULT_POSSIBLE_THRESHOLD);
    }

    public DuplicateRule(NameNormalizer normalizer, double probableThreshold, double possibleThreshold) {
        if (!(possibleThreshold > 0.0 && possibleThreshold <= probableThreshold && probableThreshold <= 1.0)) {
            throw new IllegalArgumentException("need 0 < possible <= probable <= 1");
        }
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.similarity = new NameSimilarity(normalizer);
        this.probableThreshold = probableThreshold;
        this.possibleThreshold = possibleThreshold;
    }

    /** The match between the two records, or empty when nothing matched. */
    public Optional<DuplicateMatch> evaluate(CompanyFacts candidate, CompanyFacts existing) {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(existing, "existing");
        List<DuplicateReason> reasons = new ArrayList<>();
        boolean conflict = false;

        conflict |= compareIdentifier(candidate.creditCode(), existing.creditCode(), CreditCode::normalize, Kind.SAME_CREDIT_CODE, reasons);
        conflict |= compareIdentifier(candidate.hkCompanyNumber(), existing.hkCompanyNumber(), HkCompanyNumber::normalize,
                Kind.SAME_HK_COMPANY_NUMBER, reasons);
        conflict |= compareIdentifier(candidate.lei(), existing.lei(), Lei::normalize, Kind.SAME_LEI, reasons);

        double bestScore = 0.0;
        boolean sameName = false;
        boolean sameCore = false;
        boolean probableName = false;
        for (String a : candidate.names()) {
            NameKeys ka = normalizer.keys(a);
            for (String b : existing.names()) {
                NameKeys kb = normalizer.keys(b);
                if (ka.isEmpty() || kb.isEmpty()) {
                    continue;
                }
                boolean same = ka.normalized().equals(kb.normalized());
                double score = same ? 1.0 : similarity.score(a, b);
                sameName |= same;
                sameCore |= ka.core().equals(kb.core());
                bestScore = Math.max(bestScore, score);
                // a branch and its head office, or two branches, are distinct entities however alike the names
                probableName |= same || (score >= probableThreshold && ka.branch().equals(kb.branch()));
            }
        }
        if (sameName) {
            reasons.add(DuplicateReason.of(Kind.SAME_NORMALIZED_NAME));
        } else {
            if (sameCore) {
                reasons.add(DuplicateReason.of(Kind.SAME_CORE_NAME));
            }
            if (bestScore >= possibleThreshold) {
                reasons.add(DuplicateReason.similarName(bestScore));
            }
        }
        if (!isBlank(candidate.groupId()) && !isBlank(existing.groupId())
                && candidate.groupId().strip().equals(existing.groupId().strip())) {
            reasons.add(DuplicateReason.of(Kind.SAME_GROUP));
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DuplicateMatch(confidence(reasons, conflict, probableName), reasons));
    }

    private static Confidence confidence(List<DuplicateReason> reasons, boolean conflict, boolean probableName) {
        if (reasons.stream().anyMatch(r -> r.kind().isIdentifier())) {
            return Confidence.CERTAIN;
        }
        return probableName && !conflict ? Confidence.PROBABLE : Confidence.POSSIBLE;
    }

    /** Adds the reason when both identifiers are present and equal; returns true when both are present and differ. */
    private static boolean compareIdentifier(String a, String b, UnaryOperator<String> normalize, Kind kind,
                                             List<DuplicateReason> reasons) {
        String na = normalize.apply(a);
        String nb = normalize.apply(b);
        if (isBlank(na) || isBlank(nb)) {
            return false;
        }
        if (na.equals(nb)) {
            reasons.add(DuplicateReason.of(kind));
            return false;
        }
        return true;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
