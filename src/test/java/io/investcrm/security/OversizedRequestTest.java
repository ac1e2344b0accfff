package io.investcrm.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.investcrm.support.PageSession;
import io.investcrm.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A request body over the 20 MB limit (quarkus.http.limits.max-body-size) is refused with 413 in the one error format:
 * problem+json with a clear message on the API, a readable page on the upload forms (issue 13; before, Quarkus
 * answered a bare 413 with no body and closed the connection).
 */
@QuarkusTest
class OversizedRequestTest {

    /** Just over the limit. */
    static final int TOO_LARGE = 20 * 1024 * 1024 + 1024;

    static final String BOUNDARY = "----investcrm-oversized";

    @TestHTTPResource("/")
    URI base;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    String url(String path) {
        return base.resolve(path).toString();
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode problem(HttpResponse<String> response) throws IOException {
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "problem+json, not " + response.headers().firstValue("Content-Type"));
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertEquals("request.too-large", json.path("code").asText());
        assertEquals(413, json.path("status").asInt());
        return json;
    }

    /** A multipart upload of one file of {@code size} bytes, as the import forms send it. */
    static byte[] multipart(String csrfToken, int size) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + csrfToken + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(start, start.length + size + end.length);
        Arrays.fill(body, start.length, start.length + size, (byte) 'a');
        System.arraycopy(end, 0, body, start.length + size, end.length);
        return body;
    }

    @Test
    void anApiUploadOverTheLimitAnswersProblemJsonWithAClearMessage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/api/imports?kind=COMPANY&format=csv")))
                .header("Authorization", Tokens.bearer(Tokens.OFFICER)).header("Content-Type", "text/csv")
                .header("Accept-Language", "en").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[TOO_LARGE])).build());
        JsonNode json = problem(response);
        assertTrue(json.path("detail").asText().contains("larger than the 20 MB limit"), json.toString());
        assertEquals("Too large", json.path("title").asText());
    }

    @Test
    void anyApiBodyOverTheLimitGetsTheSameAnswerInTheCallersLanguage() throws Exception {
        byte[] json = new byte[TOO_LARGE];
        Arrays.fill(json, (byte) ' ');
        json[0] = '{';
        json[json.length - 1] = '}';
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/api/companies")))
                .header("Authorization", Tokens.bearer(Tokens.OFFICER)).header("Content-Type", "application/json")
                .header("Accept-Language", "zh-CN").POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
        assertTrue(problem(response).path("detail").asText().contains("超过 20 MB"), response.body());
    }

    /** Raw HTTP/1.1 (the JDK client of Java 17 waits for "100 Continue" for ever when the answer is final). */
    @Test
    void aClientThatAsksToContinueIsAnsweredBeforeItSendsTheBody() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/imports?kind=COMPANY&format=csv HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: " + Tokens.bearer(Tokens.OFFICER) + "\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: " + TOO_LARGE + "\r\nExpect: 100-continue\r\nAccept-Language: en\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // no body is sent: the answer must come anyway, final, and the connection is closed after it
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("\"code\":\"request.too-large\""), answer);
        }
    }

    @Test
    void theImportFormOverTheLimitShowsAReadablePageWithTheWayBack() {
        PageSession page = PageSession.signIn(Tokens.OFFICER, "/imports");
        HttpResponse<String> response = page.post("/imports", Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY,
                "Accept", "text/html,application/xhtml+xml", "Accept-Language", "zh-CN,zh;q=0.9",
                "Referer", page.base() + "/imports"), HttpRequest.BodyPublishers.ofByteArray(multipart("x", TOO_LARGE)));
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().contains("请求内容超过 20 MB 的上限"), response.body());
        assertTrue(response.body().contains("href=\"/imports\""), "a link back to the form: " + response.body());
        assertFalse(response.body().contains("??"), "no missing message: " + response.body());
    }

    @Test
    void theSpaceImportFormOverTheLimitShowsAReadablePageAndNeverLinksElsewhere() {
        PageSession page = PageSession.signIn(Tokens.ADMIN, "/space");
        HttpResponse<String> response = page.post("/space/import", Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY,
                "Accept", "text/html", "Accept-Language", "en", "Referer", page.base() + "/space?zone=huaqiang-shangbu"),
                HttpRequest.BodyPublishers.ofByteArray(multipart("x", TOO_LARGE)));
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().contains("larger than the 20 MB limit"), response.body());
        assertTrue(response.body().contains("href=\"/space?zone=huaqiang-shangbu\""), response.body());

        HttpResponse<String> foreign = page.post("/space/import", Map.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY,
                "Accept", "text/html", "Referer", "http://evil.example/space"),
                HttpRequest.BodyPublishers.ofByteArray(multipart("x", TOO_LARGE)));
        assertEquals(413, foreign.statusCode());
        assertTrue(foreign.body().contains("href=\"/\""), "another site's address is never the way back: " + foreign.body());
    }
}
