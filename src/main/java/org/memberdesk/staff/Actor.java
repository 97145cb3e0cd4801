package org.memberdesk.staff;

/**
 * Who is acting: a member of staff signed in by PIN, the command line acting as the owner ({@code cli:USER}), the
 * app's own work ({@code system}: the daily backup, expiry), or nobody (the desktop before a PIN, or locked).
 *
 * @param staffId the staff row, null unless a staff member signed in
 * @param name    as the operation log names them: the staff's name, {@code cli:alice}, {@code system}
 * @param role    what they may do; null for nobody
 */
public record Actor(Long staffId, String name, Role role) {
    /** Nobody signed in: every permission refused. */
    public static final Actor NOBODY = new Actor(null, "", null);

    /** The app's own scheduled work (daily backup, points expiry), done with the owner's rights. */
    public static final Actor SYSTEM = new Actor(null, "system", Role.OWNER);

    /** The command line without --staff: the owner, named by the operating-system account that ran it. */
    public static Actor commandLine(String osUser) {
        String user = osUser == null || osUser.isBlank() ? "unknown" : osUser.strip();
        return new Actor(null, "cli:" + user, Role.OWNER);
    }

    /** The command line without --staff, named by this process's operating-system account. */
    public static Actor commandLine() {
        return commandLine(System.getProperty("user.name"));
    }

    /** A staff member signed in by PIN. */
    public static Actor of(Staff staff) {
        return new Actor(staff.id(), staff.name(), staff.role());
    }

    public boolean isNobody() {
        return role == null;
    }

    public boolean may(Permission permission) {
        return role != null && role.may(permission);
    }
}
