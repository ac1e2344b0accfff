package io.investcrm.activity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.investcrm.security.CurrentUser;
import io.vertx.core.Context;

/**
 * The header's unread badge ({@code inject:notices.unread} in the layout): one indexed count per page, only for a
 * signed-in user (index {@code ix_notification_recipient (recipient, read_at)}). An error page rendered on the event
 * loop (a 403 or a refused CSRF token, answered before the request reaches a worker thread) shows no badge: no
 * database there, or the error page itself fails with a 500.
 */
@RequestScoped
@Named("notices")
public class UnreadNotifications {

    @Inject
    ActivityService service;

    @Inject
    CurrentUser currentUser;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = currentUser.isAuthenticated() && !Context.isOnEventLoopThread() ? service.unreadCount() : 0L;
        }
        return unread;
    }
}
