package org.memberdesk.common;

/**
 * How a phone number is shown to whoever may not see it in full: {@code 13812341234} → {@code 138****1234}. The one
 * rule, here below the features so the staff session (which every feature uses) can apply it; {@code Phones.mask}
 * is the same rule.
 */
public final class PhoneMask {
    private PhoneMask() {
    }

    public static String mask(String phone) {
        if (phone == null || phone.isEmpty()) {
            return "";
        }
        if (phone.length() < 8) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
