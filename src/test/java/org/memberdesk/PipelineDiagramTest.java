package org.memberdesk;

import org.memberdesk.app.AppContext;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DEVELOPERS.md's diagram of the purchase pipeline names its effects in the order AppContext composes them. */
class PipelineDiagramTest {
    @TempDir
    Path folder;

    @Test
    void finding1_theDiagramListsTheEffectsInTheOrderTheyRun() throws Exception {
        String developers = Files.readString(Path.of("DEVELOPERS.md"));
        String diagram = developers.substring(developers.indexOf("## The purchase pipeline"));
        diagram = diagram.substring(diagram.indexOf("```"), diagram.indexOf("```", diagram.indexOf("```") + 3));
        // the lettered steps: "a. MemberStatistics   …", "b. KeptTotals …"
        Matcher step = Pattern.compile("(?m)^\\s+([a-z])\\. (\\w+)").matcher(diagram);
        List<String> drawn = new ArrayList<>();
        char expected = 'a';
        while (step.find()) {
            assertEquals(Character.toString(expected++), step.group(1), "steps lettered in order");
            drawn.add(step.group(2));
        }
        AppContext app = TestDatabase.open(folder);
        assertEquals(app.purchases().effectNames(), drawn);
    }
}
