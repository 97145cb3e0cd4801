package org.memberdesk.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.app.AppContext;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.TestDatabase;
import org.memberdesk.BothEngines;

@BothEngines
class SavedFunnelsTest {
    @TempDir
    Path folder;

    private SavedFunnels funnels() {
        return new AppContext(TestDatabase.database(folder), Shop.CLOCK).savedFunnels();
    }

    @Test
    void savesListsReplacesByNameAndDeletes() {
        SavedFunnels funnels = funnels();
        SavedFunnel first = funnels.save("  回头客 ", List.of("purchases >= 2", "  ", "total_spent >= 300"));
        // the name is stripped, the blank step left out, the rules kept as written
        assertEquals("回头客", first.name());
        assertEquals(List.of("purchases >= 2", "total_spent >= 300"), first.steps());
        funnels.save("A 门店", List.of("channel = \"门店\""));
        // sorted by name: "A 门店" before "回头客"
        assertEquals(List.of("A 门店", "回头客"), funnels.all().stream().map(SavedFunnel::name).toList());

        // the same name again replaces the steps, in the new order, and keeps the funnel's id
        SavedFunnel again = funnels.save("回头客", List.of("total_spent >= 300", "purchases >= 3", "tag = \"VIP\""));
        assertEquals(first.id(), again.id());
        SavedFunnel stored = funnels.all().stream().filter(f -> f.name().equals("回头客")).findFirst().orElseThrow();
        assertEquals(List.of("total_spent >= 300", "purchases >= 3", "tag = \"VIP\""), stored.steps());

        funnels.delete(stored.id());
        assertEquals(List.of("A 门店"), funnels.all().stream().map(SavedFunnel::name).toList());
    }

    @Test
    void refusesNoNameNoStepsAndStepsThatAreNotRules() {
        SavedFunnels funnels = funnels();
        ValidationException bad = assertThrows(ValidationException.class,
                () -> funnels.save("", List.of("purchases >= 1", "purchases >>= 2")));
        assertEquals(List.of("name", "step 2"), bad.problems().stream().map(Problem::field).toList());
        ValidationException empty = assertThrows(ValidationException.class, () -> funnels.save("x", List.of(" ")));
        assertEquals(List.of("steps"), empty.problems().stream().map(Problem::field).toList());
        // nothing was written
        assertTrue(funnels.all().isEmpty());
    }
}
