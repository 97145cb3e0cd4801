package org.memberdesk.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import org.memberdesk.common.Json;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.ui.members.MembersScreen;
import org.memberdesk.ui.members.MembersViewModel;

/**
 * {@code --self-test}: proves the app starts and measures it, for the packaged app's smoke test
 * and for {@code bench/desktop.sh}. Waits until the members screen shows its first rows, then
 * searches as a person would (a full phone, its last four digits, a name), reads a page deep in
 * the list, and prints one JSON object: milliseconds since the JVM started, search latencies
 * (typed → rows on screen), and the heap in use. Exits 0, or 1 when something failed.
 */
final class SelfTest {
    private final AppWindow window;
    private final long jvmStartMillis;
    private final Map<String, Object> out = new LinkedHashMap<>();
    private MembersViewModel members;

    SelfTest(AppWindow window, long jvmStartMillis) {
        this.window = window;
        this.jvmStartMillis = jvmStartMillis;
    }

    void run() {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("{\"ok\":false,\"error\":\"the members screen did not answer within 120 s\"}");
            System.exit(1);
        }, "self-test-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        MembersScreen screen = (MembersScreen) window.window().screen("members").orElseThrow();
        members = screen.model();
        whenAnswered(() -> {
            out.put("ok", true);
            out.put("members_screen_ms", System.currentTimeMillis() - jvmStartMillis);
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
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            out.put("heap_used_mb", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
            out.put("heap_max_mb", runtime.maxMemory() / (1024 * 1024));
            out.put("pages_held", members.rows().pagesHeld());
            System.out.println(Json.write(out));
            System.out.flush();
            Platform.exit();
            return;
        }
        String text = typed.get(index);
        long start = System.nanoTime();
        whenAnswered(() -> {
            Map<String, Object> timing = new LinkedHashMap<>();
            timing.put("typed", text.length() == 11 ? "phone" : text.matches("\\d{4}") ? "last4" : "name");
            timing.put("ms", (System.nanoTime() - start) / 1_000_000.0);
            timing.put("rows", members.rows().size());
            timings.add(timing);
            next(typed, index + 1, timings);
        });
        members.searchTextProperty().set(text);
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
