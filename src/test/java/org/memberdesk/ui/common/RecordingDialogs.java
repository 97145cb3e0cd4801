package org.memberdesk.ui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.memberdesk.common.Messages;

/** A DialogService for view-model tests: remembers what would have been shown, answers as told. */
public final class RecordingDialogs implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    /** The text of every confirmation asked, in order. */
    public final List<String> confirmations = new ArrayList<>();
    public boolean confirmAnswer = true;
    public Path fileAnswer;
    /** The title and offered file name of every save dialog, in order ("title | name"). */
    public final List<String> saveDialogs = new ArrayList<>();
    /** What the folder chooser answers (null: cancelled). */
    public Path folderAnswer;
    private final Messages messages;

    public RecordingDialogs(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void showError(Throwable error) {
        errors.add(ErrorText.describe(error, messages));
    }

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(message);
    }

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add(message);
        return confirmAnswer;
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, String filterName, String... extensions) {
        return Optional.ofNullable(fileAnswer);
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return Optional.ofNullable(folderAnswer);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String initialName, String filterName, String... extensions) {
        saveDialogs.add(title + " | " + initialName);
        return Optional.ofNullable(fileAnswer);
    }

    @Override
    public void showProgress(String title, BackgroundTask<?> task) {
    }
}
