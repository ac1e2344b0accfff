package io.investcrm.activity;

import java.time.LocalDateTime;

/** An in-app notification, its message in the reader's language. */
public record NotificationView(Long id, String kind, String message, String link, LocalDateTime createdAt,
        boolean read) {
}
