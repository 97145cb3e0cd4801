package org.memberdesk.ui.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.common.Messages;
import org.memberdesk.io.ImportOptions;
import org.memberdesk.common.Progress;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.ui.common.RecordingDialogs;
import org.memberdesk.ui.common.TestContext;
import org.memberdesk.ui.common.PagedList;
import org.memberdesk.ui.common.UiContext;

class MembersViewModelTest {
    @TempDir
    Path folder;
    private UiContext context;
    private MembersViewModel members;

    @BeforeEach
    void setUp() throws IOException {
        context = TestContext.create(folder, new RecordingDialogs(Messages.english()));
        // 3,500 members: 35 pages, more than the 30 the list may hold
        List<String> lines = new ArrayList<>();
        lines.add("member_no,name,phone,join_date,channel");
        for (int i = 1; i <= 3_500; i++) {
            lines.add(String.format("M%08d,会员%d,137%08d,2025-01-%02d,%s", i, i, i, 1 + i % 28,
                    i % 10 == 0 ? "抖音" : "门店"));
        }
        Path csv = Files.write(folder.resolve("m.csv"), lines, StandardCharsets.UTF_8);
        context.app().memberImporter().importFile(csv, ImportOptions.defaults(), Progress.NONE,
                Messages.english());
        members = new MembersViewModel(context.app().members(), context.tasks(), context.dialogs());
        members.start();
    }

    @Test
    void theListIsAsLongAsTheCountButHoldsOnlyAFewPages() {
        assertEquals(3_500, members.countProperty().get());
        assertEquals(3_500, members.rows().size());
        assertEquals("M00000001", members.rows().get(0).memberNo());
        // a row whose page was not read yet is blank, and asking for it reads the page
        assertNull(members.rows().get(2_345));
        assertEquals("M00002346", members.rows().get(2_345).memberNo());
        for (int page = 0; page < 35; page++) {
            members.rows().get(page * PagedList.PAGE_SIZE);
        }
        assertTrue(members.rows().pagesHeld() <= PagedList.MAX_PAGES, "pages held: " + members.rows().pagesHeld());
    }

    @Test
    void searchByTheLastFourDigitsOfThePhone() {
        members.searchTextProperty().set("0042");
        // phones are 137 + the number in 8 digits: only member 42's ends in 0042
        assertEquals(1, members.countProperty().get());
        assertEquals("会员42", members.rows().get(0).name());
    }

    @Test
    void sortingAndFiltersAreOneQuery() {
        members.channelProperty().set("抖音");
        // every tenth member came from 抖音: 3,500 / 10 = 350
        assertEquals(350, members.countProperty().get());
        members.sortBy(MemberQuery.Sort.MEMBER_NO, false);
        assertEquals("M00003500", members.rows().get(0).memberNo());
        members.joinedFromProperty().set(java.time.LocalDate.of(2025, 1, 28));
        // 抖音 members are i = 10k; joined on day 1 + i % 28 = 28 when i % 28 = 27; i = 10k with 10k ≡ 27 (mod 28)
        // has no solution (10k is even, 27 odd, 28 even), so nobody
        assertEquals(0, members.countProperty().get());
    }

    @Test
    void theLatestSearchWins() {
        members.searchTextProperty().set("会员1");
        long answered = members.searchesAnsweredProperty().get();
        members.searchTextProperty().set("会员12");
        assertEquals(answered + 1, members.searchesAnsweredProperty().get());
        Member first = members.rows().get(0);
        assertNotNull(first);
        assertTrue(first.name().startsWith("会员12"));
    }
}
