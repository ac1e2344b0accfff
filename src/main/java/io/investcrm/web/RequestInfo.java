package io.investcrm.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.UriInfo;

/** The current page's path, for the language switch and navigation highlighting ({@code inject:page}). */
@RequestScoped
@Named("page")
public class RequestInfo {

    @Inject
    UriInfo uriInfo;

    @Inject
    UiLocale uiLocale;

    public String getPath() {
        return uriInfo.getPath();
    }

    public String getPathWithQuery() {
        String query = uriInfo.getRequestUri().getRawQuery();
        return query == null ? getPath() : getPath() + "?" + query;
    }

    public String getLang() {
        return uiLocale.get() == Messages.EN ? "en" : "zh-CN";
    }

    public java.util.Locale getLocale() {
        return uiLocale.get();
    }

    public boolean isActive(String prefix) {
        return getPath().equals(prefix) || getPath().startsWith(prefix + "/");
    }
}
