package org.memberdesk.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.memberdesk.common.Json;
import org.memberdesk.concurrency.CounterProcess;

/**
 * Issue 21's counter bar: COUNTERS counter processes ({@link CounterProcess}, the database opened once each) selling
 * at once on one database — a SQLite file or {@code postgresql://…} — each SALES sales to members picked at random
 * from the MEMBERS numbered {@code B0000001…} (the counter's full path: the member found by number, tier discount,
 * the purchase, its lines, statistics, kept totals, points, a possible upgrade, the operation log; one transaction
 * each). Each counter first makes WARM_UP sales that are not timed, then starts a sale every PACE_MS (a busy till;
 * 0: back to back, which measures the most all counters together can do, each sale then waiting for the others'
 * writes). Prints one JSON line: p50/p95/p99/max per sale as a counter waits for it, and the throughput of all
 * counters together (sales ÷ the time from the common start to the last counter's end). Run by
 * bench/counters-postgresql.sh: {@code CountersBenchmark LOCATION MEMBERS COUNTERS SALES WARM_UP WORK_DIR [PACE_MS]}.
 */
public final class CountersBenchmark {
    private CountersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String location = args[0];
        int members = Integer.parseInt(args[1]);
        int counters = Integer.parseInt(args[2]);
        int sales = Integer.parseInt(args[3]);
        int warmUp = Integer.parseInt(args[4]);
        Path work = Path.of(args[5]);
        int pace = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        Files.createDirectories(work);
        Path go = work.resolve("go");
        Files.deleteIfExists(go);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<Path> ready = new ArrayList<>();
        List<Path> results = new ArrayList<>();
        for (int c = 0; c < counters; c++) {
            Random random = new Random(100 + c);
            Path plan = work.resolve("counter" + c + ".sales");
            Path warm = work.resolve("counter" + c + ".warm");
            Files.write(plan, sales(random, members, sales), StandardCharsets.UTF_8);
            Files.write(warm, sales(random, members, warmUp), StandardCharsets.UTF_8);
            ready.add(work.resolve("ready" + c));
            Files.deleteIfExists(ready.get(c));
            results.add(work.resolve("counter" + c + ".results"));
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                    CounterProcess.class.getName(), location, plan.toString(), results.get(c).toString(),
                    ready.get(c).toString(), go.toString(), warm.toString(), Integer.toString(pace))
                    .redirectOutput(work.resolve("counter" + c + ".out").toFile())
                    .redirectError(work.resolve("counter" + c + ".err").toFile()).start());
            // one counter opening (and warming up) at a time: they all wait for the go file
            while (!Files.exists(ready.get(c))) {
                if (!processes.get(c).isAlive()) {
                    throw new IllegalStateException("counter " + c + " stopped before the start; see " + work);
                }
                Thread.sleep(20);
            }
        }
        long start = System.nanoTime();
        Files.writeString(go, "go");
        for (Process process : processes) {
            process.waitFor(3600, TimeUnit.SECONDS);
        }
        long wall = System.nanoTime() - start;
        List<Long> nanos = new ArrayList<>();
        int failed = 0;
        for (int c = 0; c < counters; c++) {
            if (processes.get(c).exitValue() != 0) {
                throw new IllegalStateException("counter " + c + " failed; see " + work);
            }
            for (String line : Files.readAllLines(results.get(c), StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", -1);
                if (!parts[0].equals("0")) {
                    failed++;
                    System.err.println("counter " + c + ": " + line);
                }
                nanos.add(Long.parseLong(parts[1]));
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engine", location.startsWith("postgres") ? "postgresql" : "sqlite");
        out.put("counters", counters);
        out.put("pace_ms", pace);
        out.put("sales", sorted.length);
        out.put("failed", failed);
        out.put("p50_ms", ms(at(sorted, 0.50)));
        out.put("p95_ms", ms(at(sorted, 0.95)));
        out.put("p99_ms", ms(at(sorted, 0.99)));
        out.put("max_ms", ms(sorted[sorted.length - 1]));
        out.put("mean_ms", ms((long) Arrays.stream(sorted).average().orElse(0)));
        out.put("wall_s", Math.round(wall / 1e7) / 100.0);
        out.put("sales_per_s", Math.round(sorted.length / (wall / 1e9) * 10) / 10.0);
        System.out.println(Json.write(out));
    }

    /** Sales of ¥10–¥3,000 (a course, and two coffees) to members picked at random. */
    private static List<String> sales(Random random, int members, int count) {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(String.join("\t", "sell", "B%07d".formatted(1 + random.nextInt(members)),
                    "私教课:1:" + (1_000 + random.nextInt(299_000)), "咖啡:2:3000"));
        }
        return lines;
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))];
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
