package org.memberdesk.members;

import java.util.Locale;
import java.util.Optional;

public enum Gender {
    MALE("M"), FEMALE("F");

    private final String code;

    Gender(String code) {
        this.code = code;
    }

    /** The letter stored in the database and written to CSV. */
    public String code() {
        return code;
    }

    /** Reads what shop files use: M/F, male/female, 男/女. Blank is "not given"; anything else is refused. */
    public static Optional<Gender> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "m", "male", "男", "先生" -> Optional.of(MALE);
            case "f", "female", "女", "女士" -> Optional.of(FEMALE);
            default -> throw new IllegalArgumentException("gender must be M/F or 男/女, not '" + text.strip() + "'");
        };
    }

    public static Gender fromCode(String code) {
        if (code == null) {
            return null;
        }
        return "M".equals(code) ? MALE : "F".equals(code) ? FEMALE : null;
    }
}
