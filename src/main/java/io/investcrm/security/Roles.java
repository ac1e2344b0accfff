package io.investcrm.security;

/** The four realm roles of the {@code investcrm} Keycloak realm. */
public final class Roles {
    public static final String OFFICER = "officer";
    public static final String MANAGER = "manager";
    public static final String APPROVER = "approver";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
