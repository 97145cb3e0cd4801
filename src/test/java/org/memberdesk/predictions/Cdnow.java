package org.memberdesk.predictions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CDNOW sample summarised straight from its CSV (not through the database), as the literature does: for the
 * engine tests, independent of MemberDesk's import and store.
 */
final class Cdnow {
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    private Cdnow() {
    }

    /** Rows up to and including the as-of date, summed per customer and day. */
    static Buyers buyers(LocalDate asOf) {
        Map<Long, TreeMap<Long, Long>> days = new TreeMap<>();
        for (String[] row : rows()) {
            long member = Long.parseLong(row[1].substring(1));
            LocalDate day = LocalDate.parse(row[2].substring(0, 10));
            if (day.isAfter(asOf)) {
                continue;
            }
            long cents = Math.round(Double.parseDouble(row[5]) * 100);
            days.computeIfAbsent(member, k -> new TreeMap<>()).merge(day.toEpochDay(), cents, Long::sum);
        }
        Buyers.Builder builder = new Buyers.Builder();
        for (Map.Entry<Long, TreeMap<Long, Long>> member : days.entrySet()) {
            int n = member.getValue().size();
            long[] d = new long[n];
            long[] c = new long[n];
            int i = 0;
            for (Map.Entry<Long, Long> day : member.getValue().entrySet()) {
                d[i] = day.getKey();
                c[i] = day.getValue();
                i++;
            }
            builder.add(member.getKey(), d, c, n, asOf.toEpochDay());
        }
        return builder.build();
    }

    static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Cdnow.class.getResourceAsStream("/cdnow/purchases.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split(","));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
