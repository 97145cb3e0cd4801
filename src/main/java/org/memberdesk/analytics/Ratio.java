package org.memberdesk.analytics;

/**
 * A share "part of base", kept as the two counts so reports and tests can show the arithmetic.
 * With an empty base there is no share: {@link #share()} is {@code null} (JSON {@code null}),
 * never 0 and never NaN, so "nobody to measure" is not read as "nobody came back".
 */
public record Ratio(long part, long base) {
    public Ratio {
        if (part < 0 || base < 0 || part > base) {
            throw new IllegalArgumentException("not a share: " + part + " of " + base);
        }
    }

    public boolean isAbsent() {
        return base == 0;
    }

    /** The share between 0 and 1, or null when the base is empty. */
    public Double share() {
        return base == 0 ? null : (double) part / base;
    }
}
