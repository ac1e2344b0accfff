package io.investcrm.goals.rules;

import java.time.LocalDate;

/**
 * A recorded licence or certificate (专栏1 #10 licensed financial institutions, #11 national high-tech enterprises):
 * counting reads these, never keywords in a description.
 */
public record Licence(String type, String number, LocalDate validFrom, LocalDate validTo) {

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
    }
}
