package io.investcrm.company.identity;

import java.util.Arrays;
import java.util.List;

/**
 * What duplicate detection compares of one company: registry identifiers, names, group.
 * Identifiers may be null or raw input; they are normalized before comparison.
 *
 * @param names every name the record goes by, in any script and order (Chinese, English, Traditional,
 *              former names); null and blank entries are dropped
 */
public record CompanyFacts(String creditCode, String hkCompanyNumber, String lei, List<String> names, String groupId) {

    public CompanyFacts {
        names = names == null ? List.of() : names.stream().filter(n -> n != null && !n.isBlank()).toList();
    }

    public static CompanyFacts named(String... names) {
        return new CompanyFacts(null, null, null, names == null ? List.of() : Arrays.asList(names), null);
    }

    public CompanyFacts withCreditCode(String value) {
        return new CompanyFacts(value, hkCompanyNumber, lei, names, groupId);
    }

    public CompanyFacts withHkCompanyNumber(String value) {
        return new CompanyFacts(creditCode, value, lei, names, groupId);
    }

    public CompanyFacts withLei(String value) {
        return new CompanyFacts(creditCode, hkCompanyNumber, value, names, groupId);
    }

    public CompanyFacts withGroupId(String value) {
        return new CompanyFacts(creditCode, hkCompanyNumber, lei, names, value);
    }
}
