package org.memberdesk.io;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.memberdesk.io.MemberImporter.FieldException;

/**
 * The date each member a purchase file names first appears in it (a sale or a return, whatever the rows' order):
 * the join date of a member {@code --create-members} creates, so analyses as of an earlier date count them. Read
 * in a pass over the whole file before the import, so it is the same for one clean run and for a run that finishes
 * a killed one (which skips the rows stored before). A row whose time cannot be read does not count.
 */
final class JoinDates {
    private final Map<String, LocalDate> byNumber = new HashMap<>();
    private final Map<String, LocalDate> byPhone = new HashMap<>();

    private JoinDates() {
    }

    /** No dates: members get today (the service's default). */
    static JoinDates none() {
        return new JoinDates();
    }

    static JoinDates read(Path file, ImportOptions options, FieldColumns columns) throws IOException {
        JoinDates dates = new JoinDates();
        Dates fileDates = Dates.of(options.dateFormat());
        try (ImportSource source = ImportSource.open(file, options.encoding(), options.sheet())) {
            ImportRow row;
            while ((row = source.next()) != null) {
                if (row.unreadable() != null) {
                    continue;
                }
                LocalDate date;
                try {
                    date = PurchaseRowChecks.time(fileDates, row.get(columns.index("time"))).toLocalDate();
                } catch (FieldException e) {
                    continue;
                }
                String memberNo = PurchaseRowChecks.memberNo(row, columns);
                if (memberNo != null) {
                    dates.byNumber.merge(memberNo, date, JoinDates::earlier);
                }
                String phone = PurchaseRowChecks.phone(row, columns);
                if (phone != null) {
                    dates.byPhone.merge(BatchMembers.phoneKey(phone), date, JoinDates::earlier);
                }
            }
        }
        return dates;
    }

    /** The earliest date of the rows naming this member number or phone; null when the file has none. */
    LocalDate of(String memberNo, String phone) {
        LocalDate number = memberNo == null ? null : byNumber.get(memberNo);
        LocalDate byItsPhone = phone == null ? null : byPhone.get(BatchMembers.phoneKey(phone));
        if (number == null || byItsPhone == null) {
            return number != null ? number : byItsPhone;
        }
        return earlier(number, byItsPhone);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
