package io.investcrm.web;

import jakarta.enterprise.context.RequestScoped;

/** The {@code Idempotency-Key} of the current request while it is new: claimed by its first transaction. */
@RequestScoped
public class IdempotencyRequest {
    String key;
    String path;
    boolean claimed;
}
