package io.investcrm.security;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person who has signed in to InvestCRM, mirrored from the identity provider by {@link UserDirectory}. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public String email;

    @Column(name = "team_code")
    public String teamCode;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "last_seen_at")
    public LocalDateTime lastSeenAt;

    @Version
    public int version;
}
