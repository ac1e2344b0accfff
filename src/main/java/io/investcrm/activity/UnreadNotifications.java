package io.investcrm.activity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.investcrm.security.CurrentUser;
import io.quarkus.runtime.BlockingOperationControl;

/**
 * The header's unread badge ({@code inject:notices.unread} in the layout): one indexed count per page, only for a
 * signed-in user (index {@code ix_notification_recipient (recipient, read_at)}).
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
            // an error page rendered on the I/O thread (e.g. a refused CSRF token) may not block: it shows no badge
            unread = currentUser.isAuthenticated() && BlockingOperationControl.isBlockingAllowed() ? service.unreadCount() : 0L;
        }
        return unread;
    }
}
