package org.memberdesk.segments;

/** Where a member stands at a date, by their purchases on or before it. */
public enum LifecycleStage {
    /** no purchase yet */
    PROSPECT("prospect", "潜在"),
    /** first purchase at most "new days" ago */
    NEW("new", "新客"),
    /** last purchase at most "active days" ago */
    ACTIVE("active", "活跃"),
    /** last purchase at most "dormant days" ago */
    DORMANT("dormant", "沉睡"),
    /** last purchase longer ago than that */
    LOST("lost", "流失");

    private final String key;
    private final String chinese;

    LifecycleStage(String key, String chinese) {
        this.key = key;
        this.chinese = chinese;
    }

    public String key() {
        return key;
    }

    public String chinese() {
        return chinese;
    }

    public static LifecycleStage byKey(String key) {
        for (LifecycleStage stage : values()) {
            if (stage.key.equals(key)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("not a lifecycle stage: " + key);
    }
}
