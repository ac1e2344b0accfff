package io.investcrm.core;

import java.util.List;

/** The caller may see the record but may not do this to it (role, ownership, four eyes). */
public final class Refused extends DomainException {

    public Refused(String code, Object... args) {
        super(code, List.of(), args);
    }
}
