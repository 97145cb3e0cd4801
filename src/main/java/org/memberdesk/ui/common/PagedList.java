package org.memberdesk.ui.common;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ObservableListBase;

/**
 * The rows of a table over a big result (a million members, all purchases): a list as long as the
 * search's count whose rows are read from the database a page at a time, only when the table asks
 * for them, and forgotten when they scroll far away. A row not read yet is {@code null} (drawn
 * empty) until its page arrives. At most {@link #MAX_PAGES} pages are held, so a million rows never
 * sit in memory.
 *
 * <p>Page reads go one at a time, newest request first, and requests the person has long
 * scrolled past are dropped: dragging the scroll bar across a million rows reads only the pages
 * where it stops.
 */
public final class PagedList<T> extends ObservableListBase<T> {
    public static final int PAGE_SIZE = 100;
    public static final int MAX_PAGES = 30;
    private static final int MAX_WAITING = 6;

    /**
     * Reads one page of the current search; calls back (on the FX thread in the app) with the rows,
     * or an empty list on failure. Runs the read in the background ({@link #background}).
     */
    public interface PageReader<T> {
        void read(int offset, int limit, java.util.function.Consumer<List<T>> done);
    }

    /** A reader that runs a page read on the task runner; a failed read leaves the rows blank. */
    public static <T> PageReader<T> background(TaskExecutor tasks, PageQuery<T> query) {
        return (offset, limit, done) -> tasks.execute(BackgroundTask.of(() -> query.page(offset, limit))
                .onSuccess(done)
                .onFailure(error -> done.accept(List.of())));
    }

    /** One page of a search, read on a worker thread. */
    @FunctionalInterface
    public interface PageQuery<T> {
        List<T> page(int offset, int limit);
    }

    private PageReader<T> reader = (offset, limit, done) -> done.accept(List.of());
    private final Map<Integer, List<T>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<T>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private final Deque<Integer> waiting = new ArrayDeque<>();
    private final Set<Integer> waitingSet = new HashSet<>();
    private int size;
    private long generation;
    private boolean reading;

    @Override
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / PAGE_SIZE;
        List<T> rows = pages.get(page);
        if (rows == null) {
            request(page);
            return null;
        }
        int offset = index % PAGE_SIZE;
        return offset < rows.size() ? rows.get(offset) : null;
    }

    @Override
    public int size() {
        return size;
    }

    /** How many pages are held right now (for tests and the benchmark: memory stays bounded). */
    public int pagesHeld() {
        return pages.size();
    }

    /**
     * Starts over with a new search, read by {@code newReader}: its first page is already read, its
     * size is known or, while the count is still running, at least the first page's.
     */
    public void reset(PageReader<T> newReader, List<T> firstPage, int newSize) {
        generation++;
        reader = newReader;
        pages.clear();
        waiting.clear();
        waitingSet.clear();
        pages.put(0, List.copyOf(firstPage));
        resize(newSize);
    }

    /** The count arrived after the first page: the table grows to the full length. */
    public void resize(int newSize) {
        int old = size;
        if (old == newSize) {
            return;
        }
        beginChange();
        size = newSize;
        if (newSize > old) {
            nextAdd(old, newSize);
        } else {
            nextRemove(newSize, Collections.nCopies(old - newSize, (T) null));
        }
        endChange();
    }

    /** Forgets the rows read so far (something changed); visible rows are read again. */
    public void invalidate() {
        generation++;
        pages.clear();
        waiting.clear();
        waitingSet.clear();
        if (size > 0) {
            beginChange();
            for (int i = 0; i < size && i < PAGE_SIZE * 2; i++) {
                nextUpdate(i);
            }
            endChange();
        }
    }

    private void request(int page) {
        if (waitingSet.contains(page)) {
            waiting.remove(page);
        } else {
            waitingSet.add(page);
        }
        waiting.addFirst(page);
        while (waiting.size() > MAX_WAITING) {
            waitingSet.remove(waiting.removeLast());
        }
        readNext();
    }

    private void readNext() {
        if (reading || waiting.isEmpty()) {
            return;
        }
        int page = waiting.removeFirst();
        waitingSet.remove(page);
        if (pages.containsKey(page)) {
            readNext();
            return;
        }
        reading = true;
        long asked = generation;
        reader.read(page * PAGE_SIZE, PAGE_SIZE, rows -> {
            reading = false;
            if (asked == generation) {
                arrived(page, rows);
            }
            readNext();
        });
    }

    private void arrived(int page, List<T> rows) {
        if (rows.isEmpty()) {
            return; // a failed read: the rows stay blank and are asked for again when scrolled to
        }
        pages.put(page, List.copyOf(rows));
        int from = page * PAGE_SIZE;
        int to = Math.min(size, from + rows.size());
        if (from >= to) {
            return;
        }
        beginChange();
        for (int i = from; i < to; i++) {
            nextUpdate(i);
        }
        endChange();
    }
}
