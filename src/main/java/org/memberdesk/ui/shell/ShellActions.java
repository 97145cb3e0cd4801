package org.memberdesk.ui.shell;

/** What the File menu does; the application decides how (it owns the open database). */
public interface ShellActions {
    void newDatabase();

    void openDatabase();

    /** File → Connect to a server…: a PostgreSQL database shared by several counters (docs/multi-store.md). */
    void connectToServer();

    void importMembers();

    void importPurchases();

    void exportMembers();

    void exportPurchases();

    /** 切换员工: the window locks and asks for the next person's PIN. */
    void switchStaff();

    void quit();
}
