package io.investcrm.matching;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.matching.engine.MatchReason;
import io.investcrm.matching.engine.MatchResult;
import io.investcrm.matching.engine.ResultType;
import io.investcrm.plan.model.LocalizedText;

/**
 * One ranked result as stored in {@code company_match_result} (V018): everything a {@link MatchView} shows, in both
 * languages, with every reason and the ref it cites, so that the company page reads it back instead of scoring.
 */
record StoredMatch(ResultType type, String ref, String code, String titleZh, String titleEn, double score,
        List<MatchReason> reasons) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<StoredMatch>> LIST = new TypeReference<>() {
    };

    static StoredMatch of(MatchResult r) {
        return new StoredMatch(r.type(), r.ref(), r.code(), r.title().zh(), r.title().en(), r.score(), r.reasons());
    }

    MatchResult result() {
        return new MatchResult(type, ref, code, new LocalizedText(titleZh, titleEn), score, reasons);
    }

    static String write(List<MatchResult> results) {
        try {
            return JSON.writeValueAsString(results.stream().map(StoredMatch::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write match results", e);
        }
    }

    static List<StoredMatch> read(String json) {
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read match results", e);
        }
    }
}
