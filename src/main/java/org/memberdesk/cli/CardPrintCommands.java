package org.memberdesk.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memberdesk.cards.MemberPhotos;
import org.memberdesk.common.Messages;
import org.memberdesk.common.ValidationException;
import org.memberdesk.members.Member;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Member cards on paper and the member's photo (issue 16): {@code card print} (cards on card size with the
 * member number as QR and Code128; a subcommand of {@code card}) and {@code member-photo}. The 续费提醒 list's PDF
 * is {@code cards expiring --pdf} (CardReportCommands).
 */
final class CardPrintCommands {
    private CardPrintCommands() {
    }

    static Messages language(CommandSpec spec, String lang) {
        return switch (lang) {
            case "zh" -> Messages.chinese();
            case "en" -> Messages.english();
            default -> throw Cli.usage(spec, "--lang must be zh or en, not '" + lang + "'");
        };
    }

    @Command(name = "print", description = "Print member cards (85.6 × 54 mm, one per page) with the member"
            + " number as Code128 and QR, to PDF.")
    static final class CardPrint implements Callable<Integer> {
        @ParentCommand
        CardCommands.CardCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0..*", arity = "1..*", paramLabel = "MEMBER_NO")
        List<String> memberNos = new ArrayList<>();

        @Option(names = "--pdf", required = true, paramLabel = "FILE")
        Path pdf;

        @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh", description = "Language of the cards.")
        String lang;

        @Override
        public Integer call() throws IOException {
            Cli cli = parent.cli;
            Messages messages = language(spec, lang);
            int printed = cli.context().cardPrinter().printCards(memberNos, pdf, messages);
            Map<String, Object> out = Cli.object();
            out.put("printed", printed);
            out.put("file", pdf.toAbsolutePath().toString());
            cli.print(out);
            return 0;
        }
    }

    @Command(name = "member-photo", description = "Set a member's photo (JPEG or PNG up to 2 MB, shown at"
            + " check-in) or remove it (exit 3 when the file is refused; the old photo is kept).")
    static final class Photo implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Parameters(index = "0", paramLabel = "MEMBER_NO")
        String memberNo;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Action action;

        static final class Action {
            @Option(names = "--file", paramLabel = "IMG", description = "The picture: a .jpg or .png file.")
            Path file;

            @Option(names = "--remove", description = "Remove the member's photo.")
            boolean remove;
        }

        @Override
        public Integer call() {
            Member member = PointsCommands.member(cli, memberNo);
            Map<String, Object> out = Cli.object();
            out.put("member", member.memberNo());
            if (action.remove) {
                out.put("removed", cli.context().memberPhotos().remove(member.id()));
            } else {
                MemberPhotos.Stored stored;
                try {
                    stored = cli.context().memberPhotos().set(member.id(), action.file);
                } catch (ValidationException e) {
                    throw CounterCommands.refused(cli, e);
                }
                out.put("width", stored.width());
                out.put("height", stored.height());
                out.put("bytes", stored.bytes());
            }
            cli.print(out);
            return 0;
        }
    }
}
