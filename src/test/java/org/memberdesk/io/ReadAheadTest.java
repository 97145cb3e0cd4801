package org.memberdesk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    @Test
    void handsOverEveryBatchInOrderThenTheEnd() throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ReadAhead<Integer> ahead = new ReadAhead<>("test-reader",
                () -> next.get() < 50 ? next.getAndIncrement() : null)) {
            for (int i = 0; i < 50; i++) {
                assertEquals(i, ahead.next());
            }
            assertNull(ahead.next());
            assertNull(ahead.next(), "the end stays the end");
        }
    }

    @Test
    void aFailureReachesTheCallerAtTheBatchWhereItHappened() throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ReadAhead<Integer> ahead = new ReadAhead<>("test-reader", () -> {
            if (next.get() == 3) {
                throw new IOException("line 31: unterminated quote");
            }
            return next.getAndIncrement();
        })) {
            assertEquals(0, ahead.next());
            assertEquals(1, ahead.next());
            assertEquals(2, ahead.next());
            IOException e = assertThrows(IOException.class, ahead::next);
            assertEquals("line 31: unterminated quote", e.getMessage());
        }
    }

    @Test
    void closingStopsAReaderThatWaitsForRoom() {
        AtomicInteger read = new AtomicInteger();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            ReadAhead<Integer> ahead = new ReadAhead<>("test-reader", read::incrementAndGet); // never ends
            assertEquals(1, ahead.next());
            ahead.close(); // cancelled: the rest of the file is not wanted
        });
        // memory stays bounded: one batch taken, two waiting, one read and waiting for room, no more
        assertTrue(read.get() <= 4, "read " + read.get() + " batches");
    }
}
