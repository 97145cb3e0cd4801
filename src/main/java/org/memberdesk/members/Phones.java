package org.memberdesk.members;

import java.util.Optional;
import java.util.regex.Pattern;

/** Mainland China mobile numbers: how they are checked, stored and shown. */
public final class Phones {
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private Phones() {
    }

    /**
     * The stored form of a typed or imported number (digits only, without +86), or empty when
     * it is not a valid mobile number. Spaces and dashes, as people write them, are allowed.
     */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.strip().replace(" ", "").replace("-", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** {@code 13812341234} → {@code 138****1234}, for lists staff can print and screens others can see. */
    public static String mask(String phone) {
        return org.memberdesk.common.PhoneMask.mask(phone);
    }
}
