package io.investcrm.matching;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.matching.engine.MatchReason;
import io.investcrm.matching.engine.MatchResult;
import io.investcrm.matching.engine.ResultType;
import io.investcrm.plan.model.LocalizedText;

/**
 * One ranked result as stored, gzipped JSON, in {@code company_match_result} (V018): everything a {@link MatchView} shows, in both
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

    /** Gzipped JSON: the explanations repeat the plan's words, so they shrink to under a third. */
    static byte[] write(List<MatchResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            JSON.writeValue(gzip, results.stream().map(StoredMatch::of).toList());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write match results", e);
        }
        return bytes.toByteArray();
    }

    static List<StoredMatch> read(byte[] stored) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return JSON.readValue(gzip, LIST);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read match results", e);
        }
    }
}
