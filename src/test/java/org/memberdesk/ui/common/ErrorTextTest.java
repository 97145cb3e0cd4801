package org.memberdesk.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.memberdesk.common.Messages;
import org.memberdesk.db.DataException;
import org.memberdesk.db.HistoryMismatchException;
import org.junit.jupiter.api.Test;

class ErrorTextTest {
    private final Messages english = Messages.english();

    @Test
    void aFileFromAnotherBuildIsExplainedInTheShopsWordsNotFlyways() {
        Path file = Path.of("/data/shop.db");
        String text = ErrorText.describe(new HistoryMismatchException(file, new RuntimeException("checksum mismatch")),
                english);
        assertEquals("The database " + file + " was made or changed by a different build of MemberDesk: its record of"
                + " database steps does not match this version, so it was left untouched. Restore one of its backups"
                + " (in the \"backups\" folder beside it), or open another database file.", text);
    }

    @Test
    void otherDatabaseProblemsKeepTheirOwnReason() {
        assertEquals("The database reported a problem: disk is full",
                ErrorText.describe(new DataException("disk is full"), english));
    }

    @Test
    void finding11_aSecondImportDuringAnImportIsRefusedInTheUsersLanguage() {
        Path file = Path.of("/data/shop.db");
        assertEquals("另一个导入或恢复正在修改数据库 " + file + "（在窗口里或命令行中）。请等它结束后再导入。没有导入任何数据。",
                ErrorText.describe(new org.memberdesk.db.ImportRunningException(file), Messages.chinese()));
    }
}
