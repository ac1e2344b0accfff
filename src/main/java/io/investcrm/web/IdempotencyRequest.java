package io.investcrm.web;

import jakarta.enterprise.context.RequestScoped;

/** The {@code Idempotency-Key} the current request claimed, until its answer is stored or the key released. */
@RequestScoped
public class IdempotencyRequest {
    String key;
}
