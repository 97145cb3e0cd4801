package org.memberdesk.moving;

import org.memberdesk.common.Progress;
import org.memberdesk.db.Database;
import org.memberdesk.db.ServerAddress;

/**
 * Settings → Data's way to move the open shop (issue 21, item 4): onto an empty PostgreSQL database when it outgrows
 * one computer, or from a server into a new file. The same {@link DatabaseMove} as {@code migrate --to}.
 */
public final class ShopMove {
    private final DatabaseMove move;
    private final Database source;

    public ShopMove(DatabaseMove move, Database source) {
        this.move = move;
        this.source = source;
    }

    /** True when the open shop is on a server (then the move offered is into a new file). */
    public boolean fromServer() {
        return source.server().isPresent();
    }

    /** Where the shop is now, as it may be shown (never a password). */
    public String from() {
        return source.describeLocation();
    }

    /** Copies the open shop into {@code target} (a new file, or an empty server database) and checks the copy. */
    public MoveReport to(String target, Progress progress) {
        return move.move(source, target, progress);
    }

    /** A server address with the password a person typed put into it (for this move only, never shown or kept). */
    public static String withPassword(String location, String password) {
        if (password == null || password.isEmpty()) {
            return location;
        }
        ServerAddress address = ServerAddress.parse(location, name -> null);
        String encoded = java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        String user = java.net.URLEncoder.encode(address.user(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return "postgresql://" + user + ":" + encoded + "@" + address.toString().substring(
                address.toString().indexOf('@') + 1);
    }
}
