package org.memberdesk.points;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;

/**
 * A second program redeeming from the same member: {@code main(db, memberId, times, points, readyFile, goFile)},
 * db a file or a server's database ({@code postgresql://USER@HOST:PORT/DATABASE}, the password from PGPASSWORD).
 * It says it is ready, waits for the go file so both processes start together, then prints how many
 * redemptions went through.
 */
public final class RedeemWorker {
    private RedeemWorker() {
    }

    public static void main(String[] args) throws Exception {
        AppContext app = new AppContext(Database.open(args[0]), Clock.systemDefaultZone());
        long memberId = Long.parseLong(args[1]);
        int times = Integer.parseInt(args[2]);
        long points = Long.parseLong(args[3]);
        Files.writeString(Path.of(args[4]), "ready");
        Path go = Path.of(args[5]);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(go) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        System.out.println(redeem(app, memberId, times, points));
    }

    /** Tries {@code times} redemptions; returns how many succeeded (the rest were refused for too few points). */
    static int redeem(AppContext app, long memberId, int times, long points) {
        int done = 0;
        for (int i = 0; i < times; i++) {
            try {
                app.points().redeemPoints(memberId, points, "并发兑换", "worker");
                done++;
            } catch (ValidationException e) {
                if (!"points.redeem.notEnough".equals(e.problems().get(0).key())) {
                    throw e;
                }
            }
        }
        return done;
    }
}
