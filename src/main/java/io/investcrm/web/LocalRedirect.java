package io.investcrm.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

import io.investcrm.core.Invalid;

/**
 * A return path taken from the request (e.g. {@code /lang/en?return=…}): a local path of printable URL characters, so
 * the switch is no open redirect and a line break, NUL or quote is a 400 with a clear message, not a 500 (issue 13, #11).
 */
public final class LocalRedirect {

    // starts with one "/", never "//" or "/\" (protocol-relative), no control characters, quotes, spaces or angle brackets
    private static final Pattern LOCAL = Pattern.compile("/(?![/\\\\])[^\\x00-\\x20\\x7f\"'<>\\\\`{}|^]*");

    private LocalRedirect() {
    }

    /** The path to redirect to; "/" when none is given. */
    public static URI target(String returnTo) {
        if (returnTo == null || returnTo.isEmpty()) {
            return URI.create("/");
        }
        if (returnTo.length() > 2000 || !LOCAL.matcher(returnTo).matches()) {
            throw Invalid.request("request.return-invalid");
        }
        try {
            return new URI(returnTo);
        } catch (URISyntaxException e) {
            throw Invalid.request("request.return-invalid");
        }
    }
}
