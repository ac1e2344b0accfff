package io.investcrm.core;

import java.util.List;

/** No such record, or one the caller may not see: the two are not told apart, so existence is not revealed. */
public final class NotFound extends DomainException {

    public NotFound(String entity, Object id) {
        super(entity + ".not-found", List.of(), id);
    }
}
