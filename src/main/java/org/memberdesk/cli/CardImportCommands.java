package org.memberdesk.cli;

import java.io.IOException;
import org.memberdesk.common.Progress;
import picocli.CommandLine.Command;

/** Opening balances of member cards from another system (issue 16): {@code import-cards CSV}. */
final class CardImportCommands {
    private CardImportCommands() {
    }

    @Command(name = "import-cards", description = "Import member cards' opening balances from a CSV or Excel (.xlsx) file "
            + "(member_no, product, principal, bonus, sessions_left, valid_from, valid_to[, paid]; in a chain also"
            + " store, where each card was sold).")
    static final class ImportCards extends DataCommands.ImportCommand {
        @Override
        public Integer call() throws IOException {
            return print(cli.context().cardImporter().importFile(file, options(), Progress.NONE,
                    cli.messages()));
        }
    }
}
