package io.investcrm.company;

import jakarta.ws.rs.QueryParam;

/** The company list's query parameters (API and pages alike). */
public class CompanyQuery {

    @QueryParam("q")
    public String q;

    @QueryParam("creditCode")
    public String creditCode;

    @QueryParam("industry")
    public String industry;

    @QueryParam("zone")
    public String zone;

    @QueryParam("list")
    public Long list;

    @QueryParam("owner")
    public String owner;

    @QueryParam("stage")
    public String stage;

    @QueryParam("page")
    public Integer page;

    @QueryParam("size")
    public Integer size;

    public CompanySearchSql.Filter filter() {
        return new CompanySearchSql.Filter(q, creditCode, industry, zone, list, owner, stage);
    }

    /** The query string of the filters (no page), for pager and export links. */
    public String queryString() {
        StringBuilder sb = new StringBuilder();
        append(sb, "q", q);
        append(sb, "creditCode", creditCode);
        append(sb, "industry", industry);
        append(sb, "zone", zone);
        append(sb, "list", list == null ? null : list.toString());
        append(sb, "owner", owner);
        append(sb, "stage", stage);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value != null && !value.isBlank()) {
            sb.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)).append('&');
        }
    }
}
