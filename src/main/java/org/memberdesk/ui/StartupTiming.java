package org.memberdesk.ui;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import org.memberdesk.common.Json;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.ui.dashboard.DashboardScreen;
import org.memberdesk.ui.dashboard.DashboardViewModel;
import org.memberdesk.ui.members.MembersScreen;
import org.memberdesk.ui.members.MembersViewModel;

/**
 * {@code --startup-timing}: measures how fast the windows start, for {@code bench/desktop.sh}. Waits
 * until the members screen shows its first rows, then searches as a person would (a full phone, its last four digits, a name), reads a page deep in
 * the list, opens the Dashboard twice (cards and funnel filled, the FX thread's longest pause; the second visit
 * is the warm one), and prints one JSON object: milliseconds since the JVM started, the CPU time spent until
 * the rows showed, search latencies (typed → rows on screen), and the heap in use (logged to
 * {@link DesktopApp#STARTUP_TIMING_LOG}, which the Launcher prints on stdout). Exits 0, or 1 when something failed.
 */
final class StartupTiming {
    /** The one JSON line goes to this logger; the Launcher prints it on stdout (the console is not the windows'). */
    private static final Logger REPORT = Logger.getLogger(DesktopApp.STARTUP_TIMING_LOG);

    private final AppWindow window;
    private final long jvmStartMillis;
    private final Map<String, Object> out = new LinkedHashMap<>();
    private MembersViewModel members;

    StartupTiming(AppWindow window, long jvmStartMillis, long databaseOpenedMs, long windowShownMs) {
        this.window = window;
        this.jvmStartMillis = jvmStartMillis;
        out.put("database_opened_ms", databaseOpenedMs);
        out.put("window_shown_ms", windowShownMs);
    }

    void run() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                return;
            }
            REPORT.info("{\"ok\":false,\"error\":\"the members screen did not answer within 120 s\"}");
            System.exit(1);
        }, "startup-timing-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        MembersScreen screen = (MembersScreen) window.window().screen("members").orElseThrow();
        members = screen.model();
        whenAnswered(() -> {
            out.put("ok", true);
            out.put("members_screen_ms", System.currentTimeMillis() - jvmStartMillis);
            // CPU time is what a busy machine does not inflate: the JavaFX thread's (building and
            // drawing the window) and the whole process's (JIT, GC, database) until the rows showed
            out.put("fx_thread_cpu_ms", ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
            ProcessHandle.current().info().totalCpuDuration()
                    .ifPresent(cpu -> out.put("process_cpu_ms", cpu.toMillis()));
            waitForCount(() -> {
                out.put("members_counted_ms", System.currentTimeMillis() - jvmStartMillis);
                out.put("members", members.countProperty().get());
                searches();
            });
        });
    }

    /** The searches to time, from members of the database itself so they always find someone. */
    private void searches() {
        window.context().tasks().execute(org.memberdesk.ui.common.BackgroundTask.of(() -> {
            int count = Math.max(1, members.countProperty().get());
            List<Member> sample = new ArrayList<>();
            for (int offset : new int[] {count / 3, count / 2, (count * 3) / 4}) {
                sample.addAll(window.context().app().members().search(MemberQuery.all(), offset, 1));
            }
            long start = System.nanoTime();
            window.context().app().members().search(MemberQuery.all(), count / 2, 100);
            out.put("deep_page_read_ms", (System.nanoTime() - start) / 1_000_000.0);
            // sorting by a statistic has no index: the first page of such a sort costs a full sort
            start = System.nanoTime();
            window.context().app().members().search(MemberQuery.all().sortedBy(MemberQuery.Sort.SPENT, false), 0, 100);
            out.put("sorted_by_spend_page_ms", (System.nanoTime() - start) / 1_000_000.0);
            start = System.nanoTime();
            window.context().app().members().search(MemberQuery.all().sortedBy(MemberQuery.Sort.NAME, true), 0, 100);
            out.put("sorted_by_name_page_ms", (System.nanoTime() - start) / 1_000_000.0);
            return sample;
        }).onSuccess(sample -> {
            List<String> typed = new ArrayList<>();
            for (Member m : sample) {
                if (m.phone() != null) {
                    typed.add(m.phone());
                    typed.add(m.phone().substring(m.phone().length() - 4));
                }
            }
            typed.add(sample.isEmpty() ? "王" : sample.get(0).name());
            List<Map<String, Object>> timings = new ArrayList<>();
            out.put("searches", timings);
            next(typed, 0, timings);
        }));
    }

    private void next(List<String> typed, int index, List<Map<String, Object>> timings) {
        if (index >= typed.size()) {
            dashboard("dashboard", () -> {
                window.window().show("members");
                dashboard("dashboard_again", this::finish);
            });
            return;
        }
        String text = typed.get(index);
        // the database's share first (the query alone, on a worker thread), then typed → rows on screen
        window.context().tasks().execute(org.memberdesk.ui.common.BackgroundTask.of(() -> {
            long queryStart = System.nanoTime();
            window.context().app().members().search(MemberQuery.all().withText(text), 0, 100);
            return (System.nanoTime() - queryStart) / 1_000_000.0;
        }).onSuccess(queryMs -> {
            long start = System.nanoTime();
            whenAnswered(() -> {
                Map<String, Object> timing = new LinkedHashMap<>();
                timing.put("typed", text.length() == 11 ? "phone" : text.matches("\\d{4}") ? "last4" : "name");
                timing.put("query_ms", queryMs);
                timing.put("on_screen_ms", (System.nanoTime() - start) / 1_000_000.0);
                timing.put("rows", members.rows().size());
                timings.add(timing);
                next(typed, index + 1, timings);
            });
            members.searchTextProperty().set(text);
        }));
    }

    private void finish() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        out.put("heap_used_mb", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        out.put("heap_max_mb", runtime.maxMemory() / (1024 * 1024));
        out.put("pages_held", members.rows().pagesHeld());
        REPORT.info(Json.write(out));
        Platform.exit();
    }

    /**
     * Opens the Dashboard as a click in the sidebar would, and times it: the screen on show, the period's
     * cards filled, the AARRR funnel drawn; and the longest gap between two JavaFX pulses meanwhile, which
     * shows whether the FX thread was ever kept waiting (a pulse is due every ~16 ms while anything moves).
     */
    private void dashboard(String key, Runnable then) {
        DashboardScreen screen = (DashboardScreen) window.window().screen("dashboard").orElseThrow();
        DashboardViewModel model = screen.periodModel();
        long[] lastPulse = {System.nanoTime()};
        long[] longestGap = {0};
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long at = System.nanoTime();
                longestGap[0] = Math.max(longestGap[0], at - lastPulse[0]);
                lastPulse[0] = at;
            }
        };
        long start = System.nanoTime();
        // a warm visit computes equal numbers (equal records fire no change), so the cards count as
        // filled when the load ends; the funnel is timed on the first visit only
        boolean timeFunnel = model.funnelProperty().get() == null;
        boolean[] cardsDone = {false};
        boolean[] funnelDone = {!timeFunnel};
        Runnable maybeDone = () -> {
            if (cardsDone[0] && funnelDone[0]) {
                pulses.stop();
                out.put(key + "_longest_fx_pause_ms", longestGap[0] / 1_000_000);
                then.run();
            }
        };
        ChangeListener<Boolean> loaded = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (was && !now) {
                    model.loadingProperty().removeListener(this);
                    cardsDone[0] = true;
                    out.put(key + "_cards_ms", (System.nanoTime() - start) / 1_000_000);
                    maybeDone.run();
                }
            }
        };
        model.loadingProperty().addListener(loaded);
        if (timeFunnel) {
            model.funnelProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends org.memberdesk.analytics.Funnel> obs,
                        org.memberdesk.analytics.Funnel old, org.memberdesk.analytics.Funnel now) {
                    if (now != null) {
                        model.funnelProperty().removeListener(this);
                        funnelDone[0] = true;
                        out.put(key + "_funnel_ms", (System.nanoTime() - start) / 1_000_000);
                        maybeDone.run();
                    }
                }
            });
        }
        pulses.start();
        window.window().show("dashboard");
        out.put(key + "_shown_ms", (System.nanoTime() - start) / 1_000_000);
    }

    private void whenAnswered(Runnable then) {
        int before = members.searchesAnsweredProperty().get();
        ChangeListener<Number> listener = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number now) {
                if (now.intValue() > before) {
                    members.searchesAnsweredProperty().removeListener(this);
                    then.run();
                }
            }
        };
        members.searchesAnsweredProperty().addListener(listener);
    }

    private void waitForCount(Runnable then) {
        if (members.countProperty().get() >= 0) {
            then.run();
            return;
        }
        members.countProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number now) {
                if (now.intValue() >= 0) {
                    members.countProperty().removeListener(this);
                    then.run();
                }
            }
        });
    }
}
