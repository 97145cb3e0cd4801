package org.memberdesk.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Supplier;
import org.memberdesk.app.AppContext;
import org.memberdesk.db.Database;
import org.memberdesk.tags.Rule;

/**
 * Times the tags-and-segments engine inside one JVM, as the screens use it: the first (cold) run and
 * the median of five more. Run by bench/tags.sh: {@code TagsBenchmark DB AS_OF}. Not a test.
 */
public final class TagsBenchmark {
    private TagsBenchmark() {
    }

    public static void main(String[] args) {
        AppContext context = new AppContext(Database.open(Path.of(args[0])), Clock.systemDefaultZone());
        LocalDate asOf = LocalDate.parse(args[1]);
        LocalDate earlier = asOf.minusDays(90);
        Rule example = Rule.parse("purchases >= 3 and total_spent >= 500 and days_since_last_purchase between 30 and 60");
        Rule bought = Rule.parse("bought = \"成人门票\"");
        Rule broad = Rule.parse("channel = \"抖音\" and gender = \"F\" and age between 20 and 35 and purchases >= 1");
        time("example rule (count)", () -> context.rules().count(example, asOf), 5);
        time("bought (count)", () -> context.rules().count(bought, asOf), 5);
        time("channel+gender+age (count)", () -> context.rules().count(broad, asOf), 5);
        time("example rule (member ids)", () -> context.rules().members(example, asOf).length, 5);
        time("rfm", () -> context.rfm().compute(asOf).members(), 5);
        time("lifecycle", () -> context.lifecycle().counts(asOf).total(), 5);
        time("example rule as of " + earlier + " (summed from purchases)", () -> context.rules().count(example, earlier), 1);
        time("rfm as of " + earlier + " (summed from purchases)", () -> context.rfm().compute(earlier).members(), 1);
    }

    /**
     * Wall time, and CPU time of this thread (SQLite runs in it, through JNI): on a machine shared with
     * other work the CPU time is what the engine itself costs.
     */
    private static void time(String what, Supplier<Object> work, int warm) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        Object result = work.get();
        long cold = System.nanoTime() - start;
        long coldCpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long[] runs = new long[warm];
        long[] cpu = new long[warm];
        for (int i = 0; i < warm; i++) {
            long s = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            work.get();
            runs[i] = System.nanoTime() - s;
            cpu[i] = threads.getCurrentThreadCpuTime() - c;
        }
        Arrays.sort(runs);
        Arrays.sort(cpu);
        System.out.printf("%-58s %-8s first %6.3f s (cpu %6.3f)   median of %d: %6.3f s (cpu %6.3f)%n", what, result,
                cold / 1e9, coldCpu / 1e9, warm, runs[warm / 2] / 1e9, cpu[warm / 2] / 1e9);
    }
}
