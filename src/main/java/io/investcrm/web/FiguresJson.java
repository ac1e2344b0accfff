package io.investcrm.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.core.FiguresCache;

/**
 * The JSON of kept figures ({@link FiguresCache}), written once per version and question: the dashboard's JSON is
 * ~200 KB at district size (4 000 officer-week cells), and writing it took most of a request that found its figures
 * kept (issue 10). It is also kept gzipped (~15 KB), for the browsers and clients that accept it: the HTTP layer's
 * own compression would compress it again on every request. One instance per endpoint (each keeps only its latest
 * version's bodies).
 */
public final class FiguresJson {

    /** A body as written and gzipped. */
    private record Body(byte[] json, byte[] gzip) {
    }

    private final FiguresCache<Object, Body> bodies;

    public FiguresJson(int maxQuestions) {
        this.bodies = new FiguresCache<>(maxQuestions);
    }

    /** 200 with the figures' JSON as the REST layer's own mapper writes it, gzipped when the client accepts it. */
    public Response ok(ObjectMapper mapper, FiguresCache.Versioned<?> figures, Object question, String acceptEncoding) {
        Body body = bodies.get(figures.version(), question, () -> {
            try {
                byte[] json = mapper.writeValueAsBytes(figures.value());
                return new Body(json, gzip(json));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("figures not writable as JSON", e);
            }
        });
        boolean gzip = acceptEncoding != null && acceptEncoding.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        Response.ResponseBuilder answer = Response.ok(gzip ? body.gzip() : body.json(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return (gzip ? answer.header(HttpHeaders.CONTENT_ENCODING, "gzip") : answer).build();
    }

    private static byte[] gzip(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 8 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
