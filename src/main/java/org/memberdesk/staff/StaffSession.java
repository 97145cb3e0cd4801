package org.memberdesk.staff;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.memberdesk.common.PhoneMask;

/**
 * Who is at the computer now, for one open database: one instance in the composition root, read by every
 * service that checks a permission or writes the operation log. The command line starts as the owner
 * ({@code cli:USER}) or the staff its {@code --staff}/{@code --pin} name; the desktop starts with nobody and
 * signs a staff member in by PIN ("switch staff", the idle lock). Read from any thread (a background task checks
 * the person who started it).
 */
public final class StaffSession {
    private volatile Actor current;
    private final List<Consumer<Actor>> listeners = new CopyOnWriteArrayList<>();

    public StaffSession(Actor first) {
        this.current = Objects.requireNonNull(first);
    }

    public Actor current() {
        return current;
    }

    /** Who acts from now on (a PIN accepted by {@link StaffService#signIn}, or {@link Actor#NOBODY} to lock). */
    public void become(Actor actor) {
        current = Objects.requireNonNull(actor);
        listeners.forEach(listener -> listener.accept(actor));
    }

    /** Told each time someone else acts (the windows show or hide screens). */
    public void onChange(Consumer<Actor> listener) {
        listeners.add(listener);
    }

    /** The staff row of who acts, null for the command line as the owner, the app itself or nobody. */
    public Long staffId() {
        return current.staffId();
    }

    public boolean may(Permission permission) {
        return current.may(permission);
    }

    /** Refuses, with {@link NotAllowedException}, what the person acting may not do. */
    public void require(Permission permission) {
        Actor actor = current;
        if (!actor.may(permission)) {
            throw NotAllowedException.refused(actor, permission);
        }
    }

    /**
     * Refuses a manual points adjustment of {@code points} (either sign) beyond the role: a cashier none, a manager
     * up to {@code managerLimit} points per adjustment, the owner any.
     */
    public void requirePointsAdjustment(long points, long managerLimit) {
        require(Permission.ADJUST_POINTS);
        Actor actor = current;
        long size = points == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(points);
        if (size > managerLimit && !actor.may(Permission.ADJUST_POINTS_UNLIMITED)) {
            throw NotAllowedException.overLimit(actor, managerLimit);
        }
    }

    /** Whether phone numbers are shown in full (the owner) or masked ({@code 138****1234}). */
    public boolean seesFullPhones() {
        return may(Permission.FULL_PHONES);
    }

    /** A phone number as the person acting may see it: in full for the owner, else masked. */
    public String phone(String phone) {
        if (phone == null) {
            return null;
        }
        return seesFullPhones() ? phone : PhoneMask.mask(phone);
    }
}
