package org.memberdesk.segments;

/**
 * The eight classic RFM segments, from comparing each member's R, F and M with the population mean.
 * R is "high" (↑) when the days since the last purchase are below the mean; F and M when above theirs.
 */
public enum RfmSegment {
    IMPORTANT_VALUE("important_value", "重要价值", true, true, true),
    IMPORTANT_DEVELOP("important_develop", "重要发展", true, false, true),
    IMPORTANT_KEEP("important_keep", "重要保持", false, true, true),
    IMPORTANT_RETAIN("important_retain", "重要挽留", false, false, true),
    GENERAL_VALUE("general_value", "一般价值", true, true, false),
    GENERAL_DEVELOP("general_develop", "一般发展", true, false, false),
    GENERAL_KEEP("general_keep", "一般保持", false, true, false),
    GENERAL_RETAIN("general_retain", "一般挽留", false, false, false);

    private final String key;
    private final String chinese;
    private final boolean recent;
    private final boolean frequent;
    private final boolean spending;

    RfmSegment(String key, String chinese, boolean recent, boolean frequent, boolean spending) {
        this.key = key;
        this.chinese = chinese;
        this.recent = recent;
        this.frequent = frequent;
        this.spending = spending;
    }

    /** The JSON key and the i18n key suffix. */
    public String key() {
        return key;
    }

    public String chinese() {
        return chinese;
    }

    public boolean recent() {
        return recent;
    }

    public boolean frequent() {
        return frequent;
    }

    public boolean spending() {
        return spending;
    }

    /** Indexed by R high × 4 + F high × 2 + M high; looked up once per member in RFM's pass. */
    private static final RfmSegment[] BY_BITS = new RfmSegment[8];

    static {
        for (RfmSegment segment : values()) {
            BY_BITS[(segment.recent ? 4 : 0) + (segment.frequent ? 2 : 0) + (segment.spending ? 1 : 0)] = segment;
        }
    }

    public static RfmSegment of(boolean recent, boolean frequent, boolean spending) {
        return BY_BITS[(recent ? 4 : 0) + (frequent ? 2 : 0) + (spending ? 1 : 0)];
    }
}
