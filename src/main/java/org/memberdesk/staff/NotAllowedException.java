package org.memberdesk.staff;

/**
 * An action the person at the computer may not do: refused below the screens, so the command line obeys it too
 * (exit 4). Nothing was changed. {@link #getMessage()} says it in English for the command line and the log file;
 * the windows say it through {@link #textKey()} and {@link #args()}.
 */
public final class NotAllowedException extends RuntimeException {
    private final String textKey;
    private final Object[] args;
    /** Who was refused what, for the log (null: not a role's refusal — a PIN, a lock-out, nobody signed in). */
    private final transient Actor refusedActor;
    private final String refusedWhat;

    public NotAllowedException(String textKey, String english, Object... args) {
        this(null, null, textKey, english, args);
    }

    private NotAllowedException(Actor refusedActor, String refusedWhat, String textKey, String english,
            Object... args) {
        super(english);
        this.textKey = textKey;
        this.args = args.clone();
        this.refusedActor = refusedActor;
        this.refusedWhat = refusedWhat;
    }

    /** A manual points adjustment beyond a manager's limit. */
    static NotAllowedException overLimit(Actor actor, long limit) {
        return new NotAllowedException(actor, Permission.ADJUST_POINTS_UNLIMITED.name().toLowerCase(
                java.util.Locale.ROOT).replace('_', '-'), "staff.refused.pointsLimit", actor.role().code() + " "
                + actor.name() + " may adjust at most " + limit + " points at a time (the owner may more)",
                actor.name(), limit);
    }

    /** Who was refused, when a role's rights were the reason (the command line logs the attempt). */
    public java.util.Optional<Actor> refusedActor() {
        return java.util.Optional.ofNullable(refusedActor);
    }

    /** The permission's code that was missing ({@code refund-card}), with {@link #refusedActor()}. */
    public String refusedWhat() {
        return refusedWhat;
    }

    /** A role that may not: "cashier 小王 may not refund a card (a manager may)". */
    static NotAllowedException refused(Actor actor, Permission permission) {
        if (actor.isNobody()) {
            return new NotAllowedException("staff.refused.nobody",
                    "no one is signed in: enter a PIN first");
        }
        // the English of the command line says the permission as the shop says it ("refund a card"), not its code
        String what = org.memberdesk.common.Messages.english().get(permission.textKey());
        String code = permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return new NotAllowedException(actor, code, "staff.refused", actor.role().code() + " " + actor.name() + " may not "
                + what + " (" + (permission.least() == Role.OWNER ? "an " : "a ") + permission.least().code()
                + " may)", actor.name(), actor.role().textKey(), permission.textKey(), permission.least().textKey());
    }

    /**
     * The refusal in the shop's words, in the language of {@code messages}; arguments that are bundle keys (a
     * role, a permission, the main store's seeded name) are put in words too.
     */
    public String describe(org.memberdesk.common.Messages messages) {
        Object[] worded = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            worded[i] = args[i] instanceof String text && (text.startsWith("staff.role.")
                    || text.startsWith("staff.permission.") || text.equals(StaffService.MAIN_STORE_KEY))
                    ? messages.get(text) : args[i];
        }
        return messages.get(textKey, worded);
    }

    public String textKey() {
        return textKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
