package io.investcrm.goals.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * What the counting rules need to know about one company record and its pursuit.
 *
 * @param mergedInto    the surviving record when this one was merged away as a duplicate, else null
 * @param groupKey      the group the firm belongs to (its own id when standalone): a group counts once
 * @param stage         the pipeline stage name, null when nobody pursues it
 * @param open          the pursuit is active (not lost, not on hold)
 * @param landedOn      the day the landing was verified by a second person, null when not verified
 * @param probability   landing probability in percent (override or the stage's default)
 * @param memberships   rankings of the firm and of its group
 */
public record Firm(long companyId, String name, Long mergedInto, long groupKey, String stage, boolean open,
        LocalDate landedOn, LocalDate departedOn, String zone, String team, int probability, LocalDate expectedLanding,
        List<Membership> memberships, List<Licence> licences) {

    public Firm {
        memberships = memberships == null ? List.of() : List.copyOf(memberships);
        licences = licences == null ? List.of() : List.copyOf(licences);
    }

    public boolean landed() {
        return "LANDED".equals(stage);
    }
}
