package io.investcrm.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.core.FiguresCache;

/**
 * The JSON of kept figures ({@link FiguresCache}), written once per version and question: the dashboard's JSON is
 * ~200 KB at district size (4 000 officer-week cells), and writing it took most of a request that found its figures
 * kept (issue 10). One instance per endpoint (each keeps only its latest version's bodies).
 */
public final class FiguresJson {

    private final FiguresCache<Object, byte[]> bodies;

    public FiguresJson(int maxQuestions) {
        this.bodies = new FiguresCache<>(maxQuestions);
    }

    /** 200 with the figures' JSON, as the REST layer's own mapper writes it. */
    public Response ok(ObjectMapper mapper, FiguresCache.Versioned<?> figures, Object question) {
        byte[] body = bodies.get(figures.version(), question, () -> {
            try {
                return mapper.writeValueAsBytes(figures.value());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("figures not writable as JSON", e);
            }
        });
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
