package io.investcrm.company;

/** Another name a company goes by. */
public record AliasView(long id, CompanyAlias.Kind kind, String name) {

    static AliasView from(CompanyAlias a) {
        return new AliasView(a.id, a.kind, a.name);
    }
}
