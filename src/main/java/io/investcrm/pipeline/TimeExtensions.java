package io.investcrm.pipeline;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.investcrm.core.AppClock;
import io.quarkus.qute.TemplateExtension;

/** {@code {t.office}}: a stored UTC timestamp shown in office time (Shenzhen), minutes precision. */
@TemplateExtension
public class TimeExtensions {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final DateTimeFormatter INPUT_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static String office(LocalDateTime utc) {
        return utc == null ? "" : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(AppClock.OFFICE_ZONE).format(FORMAT);
    }

    /** The value a {@code datetime-local} input expects, in office time (also for pre-filled forms built in Java). */
    public static String officeInput(LocalDateTime utc) {
        return utc == null ? ""
                : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(AppClock.OFFICE_ZONE).toLocalDateTime()
                        .format(INPUT_FORMAT);
    }
}
