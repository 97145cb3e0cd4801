package org.memberdesk.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.BothEngines;
import org.memberdesk.app.AppContext;
import org.memberdesk.db.ServerAddress;
import org.memberdesk.members.Member;

/**
 * Two tills redeeming from one member at once never overdraw: 1,000 points, 20 per redemption,
 * so exactly 1000 / 20 = 50 redemptions can succeed however many are tried and however they interleave. On
 * PostgreSQL the two processes are two counters on one server database.
 */
@BothEngines
class ConcurrentRedeemTest {
    @TempDir
    Path folder;

    private Member memberWith1000(Growth g) {
        Member m = g.member("M1", null);
        g.app.points().adjust(m.id(), 1_000, "开业赠送", "店长");
        return m;
    }

    @Test
    void twoConnectionsOnTwoThreads() throws Exception {
        Growth g = new Growth(folder, LocalDateTime.now());
        g.plainRules(null);
        Member m = memberWith1000(g);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            // each till has its own services over the same file, as two windows would
            AppContext till = new AppContext(g.database, g.clock);
            results.add(pool.submit(() -> {
                start.await();
                return RedeemWorker.redeem(till, m.id(), 40, 20);
            }));
        }
        start.countDown();
        int done = 0;
        for (Future<Integer> result : results) {
            done += result.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(50, done);                                   // 80 tried × 20 = 1,600 > 1,000
        assertEquals(0, g.balance(m));
        assertEquals(-1_000, g.sql("SELECT sum(points) FROM points_ledger WHERE kind = 'redeem'"));
        assertEquals(0, g.app.points().checkLedger().bad());
    }

    @Test
    void twoProcesses() throws Exception {
        Growth g = new Growth(folder, LocalDateTime.now());
        g.plainRules(null);
        Member m = memberWith1000(g);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the file, or the server's database (without its password), as --db names either
        String location = g.database.server().map(ServerAddress::toString)
                .orElseGet(() -> g.database.file().toString());
        Path go = folder.resolve("go");
        List<Process> processes = new ArrayList<>();
        List<Path> ready = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            Path readyFile = folder.resolve("ready" + p);
            ready.add(readyFile);
            ProcessBuilder worker = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    RedeemWorker.class.getName(), location, Long.toString(m.id()), "40", "20",
                    readyFile.toString(), go.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            // a server's password reaches the worker as it reaches the app, never on its command line
            g.database.server().flatMap(ServerAddress::password)
                    .ifPresent(password -> worker.environment().put("PGPASSWORD", password));
            processes.add(worker.start());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ready.stream().allMatch(Files::exists) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Files.writeString(go, "go");
        int done = 0;
        for (Process process : processes) {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "a worker did not finish");
            assertEquals(0, process.exitValue());
            done += Integer.parseInt(new String(process.getInputStream().readAllBytes()).strip());
        }
        assertEquals(50, done);
        assertEquals(0, g.balance(m));
        assertEquals(0, g.app.points().checkLedger().bad());
    }
}
