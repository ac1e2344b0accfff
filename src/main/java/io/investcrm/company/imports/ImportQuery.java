package io.investcrm.company.imports;

import jakarta.ws.rs.QueryParam;

/** The fields of an upload sent as query parameters (the file is the request body). */
public class ImportQuery {

    @QueryParam("kind")
    public String kind;

    @QueryParam("fileName")
    public String fileName;

    @QueryParam("code")
    public String code;

    @QueryParam("year")
    public String year;

    @QueryParam("nameZh")
    public String nameZh;

    @QueryParam("nameEn")
    public String nameEn;

    @QueryParam("scope")
    public String scope;

    @QueryParam("fieldCode")
    public String fieldCode;

    @QueryParam("source")
    public String source;

    ImportUpload toUpload() {
        ImportUpload u = new ImportUpload();
        u.kind = kind;
        u.code = code;
        u.year = year;
        u.nameZh = nameZh;
        u.nameEn = nameEn;
        u.scope = scope;
        u.fieldCode = fieldCode;
        u.source = source;
        return u;
    }
}
