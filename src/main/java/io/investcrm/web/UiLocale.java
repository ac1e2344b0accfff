package io.investcrm.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The language of this request: the {@code lang} cookie set by the language switch, else the browser's
 * Accept-Language, else Simplified Chinese (the office works in zh-CN first).
 */
@RequestScoped
public class UiLocale {

    public static final String COOKIE = "lang";

    @Inject
    HttpHeaders headers;

    private Locale resolved;

    public Locale get() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    private Locale resolve() {
        Cookie cookie = headers.getCookies().get(COOKIE);
        if (cookie != null && cookie.getValue() != null && !cookie.getValue().isBlank()) {
            return Messages.normalize(Locale.forLanguageTag(cookie.getValue()));
        }
        List<Locale> acceptable = headers.getAcceptableLanguages();
        for (Locale l : acceptable) {
            if ("zh".equals(l.getLanguage())) {
                return Messages.ZH;
            }
            if ("en".equals(l.getLanguage())) {
                return Messages.EN;
            }
        }
        return Messages.ZH;
    }
}
