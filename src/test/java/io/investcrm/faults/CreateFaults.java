package io.investcrm.faults;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.investcrm.company.Company;
import io.investcrm.company.CompanyChanged;

/**
 * Test-only faults around a company create, armed by the credit code of the company a test is about to create
 * (nothing happens to other creates): the database "goes away" as that create's work is done — every commit fails
 * as a lost connection would, until the test brings it back — or that create is held for a while before its commit.
 */
@ApplicationScoped
public class CreateFaults {

    /** The credit code whose create takes the database down (its commit and every later one fail). */
    static final AtomicReference<String> DIES_AT = new AtomicReference<>();

    /** The credit code whose create is held (milliseconds in {@link #HOLD_MS}) inside its transaction. */
    static final AtomicReference<String> HELD_AT = new AtomicReference<>();

    static final long HOLD_MS = 1500;

    private static volatile boolean down;

    @Inject
    TransactionSynchronizationRegistry registry;

    static void databaseBack() {
        down = false;
        DIES_AT.set(null);
    }

    /** Every transaction that begins while a fault is armed gets a commit that fails while the database is "down". */
    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (DIES_AT.get() == null && !down) {
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                if (down) {
                    throw new IllegalStateException("simulated: the database went away before the commit",
                            new SQLException("Communications link failure (simulated)", "08S01"));
                }
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
    }

    void written(@Observes CompanyChanged changed) {
        for (Long id : changed.companyIds()) {
            Company c = Company.findById(id);
            String code = c == null ? null : c.creditCode;
            if (code != null && code.equals(DIES_AT.get())) {
                down = true;
            }
            if (code != null && code.equals(HELD_AT.get())) {
                try {
                    Thread.sleep(HOLD_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
