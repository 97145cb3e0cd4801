package org.memberdesk.cli;

/** A command that could not do its work: the message goes to stderr as one line, the code is the exit code. */
public class CliFailure extends RuntimeException {
    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
