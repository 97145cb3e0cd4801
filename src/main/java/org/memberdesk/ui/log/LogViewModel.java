package org.memberdesk.ui.log;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.common.Messages;
import org.memberdesk.io.OperationLogExport;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberService;
import org.memberdesk.staff.AuditChain;
import org.memberdesk.staff.LogEntry;
import org.memberdesk.staff.LogFilter;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.Staff;
import org.memberdesk.staff.StaffService;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * 操作日志: the newest entries the filters select (staff, action, member number, days), money-moving ones marked;
 * how many match in all; the export of all of them (the owner); the hash chain's check. Every read is a background
 * task; the filters read again as they change.
 */
public final class LogViewModel {
    /** The most entries shown at once (the count and the export cover all that match). */
    static final int PAGE = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** An entry as the table shows it: the action in words, the member by number. */
    public record Row(long id, String time, String staff, String action, boolean money, String member,
                      String subject, String change, String reason) {
    }

    private final MemberService members;
    private final StaffService staffService;
    private final StaffSession session;
    private final OperationLog log;
    private final OperationLogExport export;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty staff = new SimpleStringProperty("");
    private final ObjectProperty<Operation> action = new SimpleObjectProperty<>();
    private final StringProperty memberNo = new SimpleStringProperty("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> shownRows = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> staffNames = FXCollections.observableArrayList();
    private final ObservableList<String> shownStaffNames = FXCollections.unmodifiableObservableList(staffNames);
    private final ReadOnlyLongWrapper matching = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verified = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper chainBroken = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper mayExport = new ReadOnlyBooleanWrapper(false);
    private long asked;

    public LogViewModel(MemberService members, StaffService staff, StaffSession session, OperationLog log,
                        OperationLogExport export, TaskExecutor tasks, Messages messages) {
        this.members = members;
        this.staffService = staff;
        this.session = session;
        this.log = log;
        this.export = export;
        this.tasks = tasks;
        this.messages = messages;
        from.addListener((o, a, b) -> search());
        to.addListener((o, a, b) -> search());
        action.addListener((o, a, b) -> search());
    }

    /** Input: the first day of the entries. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** Input: the last day of the entries. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** Input: whose entries: a staff name, {@code cli:USER} or {@code system}; blank for everyone. */
    public StringProperty staffProperty() {
        return staff;
    }

    /** Input: which action; null for all. */
    public ObjectProperty<Operation> actionProperty() {
        return action;
    }

    /** Input: entries about this member (their number); blank for all. */
    public StringProperty memberNoProperty() {
        return memberNo;
    }

    public ObservableList<Row> rows() {
        return shownRows;
    }

    /** The staff the filter offers (active staff); others can be typed. */
    public ObservableList<String> staffNames() {
        return shownStaffNames;
    }

    /** How many entries match in all; -1 while counting. */
    public ReadOnlyLongProperty matchingProperty() {
        return matching.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the last export did (where the file went, or why it was not written); empty until then. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The chain's check in words ("intact, N entries" / "changed at entry N"); empty until checked. */
    public ReadOnlyStringProperty verifiedProperty() {
        return verified.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty chainBrokenProperty() {
        return chainBroken.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Whether the person signed in may export the log (the owner); read again at each search, so a switch of staff
     * shows or hides the export the next time the screen is shown.
     */
    public ReadOnlyBooleanProperty mayExportProperty() {
        return mayExport.getReadOnlyProperty();
    }

    /** Reads the staff names for the filter, then the entries. */
    public void start() {
        tasks.execute(BackgroundTask.of(() -> staffService.signInChoices())
                .onSuccess(list -> staffNames.setAll(list.stream().map(Staff::name).toList()))
                .onFailure(error -> status.set(ErrorText.describe(error, messages))));
        search();
    }

    /** Reads the entries the filters select now; a newer search wins over one still running. */
    public void search() {
        LocalDate first = from.get();
        LocalDate last = to.get();
        String who = blankToNull(staff.get());
        Operation what = action.get();
        String number = blankToNull(memberNo.get());
        long ticket = ++asked;
        mayExport.set(session.may(Permission.EXPORT_LOG));
        matching.set(-1);
        tasks.execute(BackgroundTask.of(() -> read(first, last, who, what, number))
                .onSuccess(page -> {
                    if (ticket == asked) {
                        show(page);
                    }
                })
                .onFailure(error -> {
                    if (ticket == asked) {
                        rows.clear();
                        matching.set(0);
                        status.set(ErrorText.describe(error, messages));
                    }
                }));
    }

    private record Page(List<Row> rows, long matching, String problem) {
    }

    /** On a worker thread: the member by number, the count, the newest page and their members' numbers. */
    private Page read(LocalDate first, LocalDate last, String who, Operation what, String number) {
        Long memberId = null;
        if (number != null) {
            Member member = members.byNumber(number).orElse(null);
            if (member == null) {
                return new Page(List.of(), 0, messages.get("log.ui.noMember", number));
            }
            memberId = member.id();
        }
        LogFilter filter = new LogFilter(first, last, who, what == null ? null : what.code(), memberId);
        long count = log.count(filter);
        List<LogEntry> entries = log.find(filter, PAGE);
        Map<Long, String> numbers = new HashMap<>();
        for (LogEntry entry : entries) {
            if (entry.memberId() != null && !numbers.containsKey(entry.memberId())) {
                numbers.put(entry.memberId(), members.byId(entry.memberId()).map(Member::memberNo)
                        .orElse("#" + entry.memberId()));
            }
        }
        List<Row> page = entries.stream().map(entry -> new Row(entry.id(), entry.at().format(TIME),
                entry.staffName(), actionText(entry.action()), entry.money(),
                entry.memberId() == null ? "" : numbers.get(entry.memberId()), nullToEmpty(entry.subject()),
                nullToEmpty(entry.summary()), nullToEmpty(entry.reason()))).toList();
        return new Page(page, count, null);
    }

    private void show(Page page) {
        rows.setAll(page.rows());
        matching.set(page.matching());
        if (page.problem() != null) {
            status.set(page.problem());
        } else if (page.matching() > page.rows().size()) {
            status.set(messages.get("log.ui.countShown", page.matching(), page.rows().size()));
        } else {
            status.set(messages.get("log.ui.count", page.matching()));
        }
    }

    /** The action in the shop's words; a code this version does not know stays as stored. */
    String actionText(String code) {
        try {
            return messages.get(Operation.of(code).textKey());
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    /**
     * Writes every entry the filters select to {@code file} (CSV, or Excel by name) in the background; the owner
     * only (the service refuses anyone else, and the screen leaves the button out for them).
     */
    public void export(Path file) {
        String number = blankToNull(memberNo.get());
        LocalDate first = from.get();
        LocalDate last = to.get();
        String who = blankToNull(staff.get());
        Operation what = action.get();
        busy.set(true);
        tasks.execute(BackgroundTask.of(() -> {
            Long memberId = number == null ? null
                    : members.byNumber(number).map(Member::id).orElse(-1L);
            return export.write(new LogFilter(first, last, who,
                    what == null ? null : what.code(), memberId), file);
        })
                .onSuccess(count -> {
                    notice.set(messages.get("log.ui.exported", count, file.toString()));
                    search();
                })
                .onFailure(error -> notice.set(ErrorText.describe(error, messages)))
                .onFinished(() -> busy.set(false)));
    }

    /** Walks the whole hash chain in the background and says whether it holds, or where it was changed. */
    public void verify() {
        busy.set(true);
        verified.set(messages.get("log.ui.verifying"));
        tasks.execute(BackgroundTask.of(() -> log.verify())
                .onSuccess(this::showVerification)
                .onFailure(error -> verified.set(ErrorText.describe(error, messages)))
                .onFinished(() -> busy.set(false)));
    }

    private void showVerification(AuditChain.Verification result) {
        chainBroken.set(!result.intact());
        verified.set(result.intact() ? messages.get("log.ui.intact", result.entries())
                : messages.get("log.ui.broken", result.brokenAt(), result.entries()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
