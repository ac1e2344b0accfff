package io.investcrm.core;

import java.util.List;

/** The record changed since the caller loaded it, or the move is illegal in the record's current state. */
public final class Conflict extends DomainException {

    public Conflict(String code, Object... args) {
        super(code, List.of(), args);
    }
}
