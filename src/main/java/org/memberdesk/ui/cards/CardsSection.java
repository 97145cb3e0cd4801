package org.memberdesk.ui.cards;

import java.time.LocalDate;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.Visit;
import org.memberdesk.common.Money;
import org.memberdesk.members.Member;
import org.memberdesk.ui.common.UiContext;
import org.memberdesk.ui.members.MemberSection;

/**
 * The member pane's cards: each card with what is left on it (balance as principal + bonus, sessions left, the
 * days it is valid), a freeze in force, a refund; the buttons to freeze, unfreeze, refund and see its history; then
 * the member's latest visits. An action done here tells the window the member changed, so the pane reads again.
 */
public final class CardsSection implements MemberSection<CardsSection.Read> {
    /**
     * Alt+C, as in Cards: from the member found (search field, ↓) to the first card's first button. Alt+letter is
     * how the app's dialogs already reach a button (Alt+A in a return); Shortcut+C would take copy from the search
     * field, and F2 and Shortcut+digit are the window's.
     */
    static final KeyCombination TO_CARDS = new KeyCodeCombination(KeyCode.C, KeyCombination.ALT_DOWN);
    /** How many visits the pane reads; the list shows the latest few of them. */
    static final int VISITS = 50;
    private static final int VISITS_SHOWN = 8;

    /** What the pane shows: the member's cards, their latest visits (newest first), and today. */
    public record Read(List<Card> cards, List<Visit> visits, LocalDate today, byte[] photo) {
    }

    private final UiContext context;

    public CardsSection(UiContext context) {
        this.context = context;
    }

    @Override
    public String titleKey() {
        return "cards.section.title";
    }

    @Override
    public Ikon icon() {
        return Feather.CREDIT_CARD;
    }

    @Override
    public KeyCombination shortcut() {
        return TO_CARDS;
    }

    @Override
    public Read read(Member member) {
        return new Read(context.app().cards().cards(member.id()), context.app().cards().visits(member.id(), VISITS),
                LocalDate.now(context.app().clock()), context.app().memberPhotos().photo(member.id()).orElse(null));
    }

    @Override
    public Node show(Member member, Read read) {
        VBox box = new VBox(10);
        box.setId("member-cards");
        if (read.cards().isEmpty()) {
            Label none = new Label(context.text("cards.section.none"));
            none.getStyleClass().add("text-muted");
            box.getChildren().add(none);
        } else {
            Label keys = new Label(context.text("cards.keys.hint"));
            keys.setId("member-cards-keys");
            keys.getStyleClass().add("text-muted");
            keys.setWrapText(true);
            box.getChildren().add(keys);
        }
        for (Card card : read.cards()) {
            box.getChildren().addAll(card(member, card, read.today()), new Separator());
        }
        box.getChildren().add(visits(read.visits()));
        box.getChildren().add(photo(member, read.photo()));
        return box;
    }

    /** The member's photo, shown at check-in against card lending: add or change it from a file, or remove it. */
    private Node photo(Member member, byte[] photo) {
        Label title = new Label(context.text("cards.photo.title"));
        title.getStyleClass().add("text-bold");
        FlowPane actions = new FlowPane(6, 6);
        actions.getChildren().add(button(photo == null ? "cards.photo.add" : "cards.photo.change",
                "member-photo-choose", Feather.IMAGE, b -> choosePhoto(member.id())));
        VBox box = new VBox(4, title);
        if (photo != null) {
            javafx.scene.image.ImageView view = new javafx.scene.image.ImageView(
                    new javafx.scene.image.Image(new java.io.ByteArrayInputStream(photo)));
            view.setId("member-photo");
            view.setFitWidth(90);
            view.setFitHeight(120);
            view.setPreserveRatio(true);
            box.getChildren().add(view);
            actions.getChildren().add(button("cards.photo.remove", "member-photo-remove", Feather.TRASH_2,
                    b -> removePhoto(member.id())));
        } else {
            Label none = new Label(context.text("cards.photo.none"));
            none.getStyleClass().add("text-muted");
            none.setWrapText(true);
            box.getChildren().add(none);
        }
        box.getChildren().add(actions);
        return box;
    }

    /** Picks a JPEG or PNG and stores it (scaled down) in the background; a refused picture says why. */
    void choosePhoto(long memberId) {
        context.dialogs().chooseOpenFile(context.text("cards.photo.title"), "JPEG / PNG", "*.jpg", "*.jpeg",
                "*.png").ifPresent(file -> context.tasks().execute(org.memberdesk.ui.common.BackgroundTask.of(
                        () -> context.app().memberPhotos().set(memberId, file))
                .onSuccess(done -> context.changes().memberChanged(memberId))
                .onFailure(error -> context.dialogs().showError(context.text("cards.photo.title"),
                        org.memberdesk.ui.common.ErrorText.describe(error, context.messages())))));
    }

    void removePhoto(long memberId) {
        context.tasks().execute(org.memberdesk.ui.common.BackgroundTask.of(
                () -> context.app().memberPhotos().remove(memberId))
                .onSuccess(done -> context.changes().memberChanged(memberId)));
    }

    private Node card(Member member, Card card, LocalDate today) {
        Label head = new Label(card.cardNo() + " · " + context.text(card.kind().messageKey()));
        head.getStyleClass().add("text-bold");
        Label product = new Label(card.productName());
        product.setWrapText(true);
        Label left = new Label(leftText(card));
        left.setId("member-card-left-" + card.cardNo());
        left.setWrapText(true);
        Label state = new Label(stateText(card, today));
        state.setId("member-card-state-" + card.cardNo());
        state.getStyleClass().add(card.refunded() || !card.validOn(today) ? "text-muted"
                : card.frozenOn(today) ? "warning" : "success");

        FlowPane actions = new FlowPane(6, 6);
        actions.setAlignment(Pos.CENTER_LEFT);
        if (!card.refunded()) {
            if (card.kind() != CardKind.STORED_VALUE) {
                if (card.frozenFrom() == null) {
                    actions.getChildren().add(button("cards.action.freeze", "card-freeze-" + card.cardNo(),
                            Feather.PAUSE, b -> CardDialogs.freeze(b.getScene().getWindow(), context, card.cardNo(),
                                    member.id())));
                } else {
                    actions.getChildren().add(button("cards.action.unfreeze", "card-unfreeze-" + card.cardNo(),
                            Feather.PLAY, b -> unfreeze(card, member.id())));
                }
            }
            actions.getChildren().add(button("cards.action.refund", "card-refund-" + card.cardNo(),
                    Feather.CORNER_UP_LEFT, b -> CardDialogs.refund(b.getScene().getWindow(), context, card.cardNo(),
                            member.id())));
        }
        actions.getChildren().add(button("cards.action.history", "card-history-" + card.cardNo(), Feather.LIST,
                b -> CardDialogs.history(b.getScene().getWindow(), context, card.cardNo())));
        return new VBox(3, head, product, left, state, actions);
    }

    /** What is left: the balance (principal + bonus), sessions left, and the days it is valid. */
    String leftText(Card card) {
        return switch (card.kind()) {
            case STORED_VALUE -> context.text("cards.left.storedValue", Money.display(card.balanceCents()),
                    Money.display(card.principalCents()), Money.display(card.bonusCents()));
            case SESSIONS -> context.text("cards.left.sessions", card.sessionsLeft(), card.sessionsSold(),
                    card.validFrom().toString(), card.validTo().toString());
            case PERIOD -> context.text("cards.left.period", card.validFrom().toString(), card.validTo().toString());
        };
    }

    /** Refunded, frozen, not started, ended, used up, or valid. */
    String stateText(Card card, LocalDate today) {
        if (card.refunded()) {
            return context.text("cards.state.refunded", card.refundedAt().toLocalDate().toString());
        }
        if (card.frozenFrom() != null && !today.isAfter(card.frozenTo())) {
            return context.text(card.frozenOn(today) ? "cards.state.frozen" : "cards.state.freezePlanned",
                    card.frozenFrom().toString(), card.frozenTo().toString());
        }
        if (card.kind() == CardKind.STORED_VALUE) {
            return context.text("cards.state.valid");
        }
        if (today.isBefore(card.validFrom())) {
            return context.text("cards.state.notStarted", card.validFrom().toString());
        }
        if (today.isAfter(card.validTo())) {
            return context.text("cards.state.ended", card.validTo().toString());
        }
        if (card.kind() == CardKind.SESSIONS && card.sessionsLeft() != null && card.sessionsLeft() == 0) {
            return context.text("cards.state.usedUp");
        }
        return context.text("cards.state.valid");
    }

    private void unfreeze(Card card, long memberId) {
        if (!context.dialogs().confirm(context.text("cards.unfreeze.title", card.cardNo()),
                context.text("cards.unfreeze.confirm", card.cardNo()))) {
            return;
        }
        context.tasks().execute(org.memberdesk.ui.common.BackgroundTask.of(
                () -> context.app().cards().unfreeze(card.cardNo(), null))
                .onSuccess(done -> context.changes().memberChanged(memberId)));
    }

    private Node visits(List<Visit> visits) {
        Label title = new Label(context.text("cards.visits.title"));
        title.getStyleClass().add("text-bold");
        if (visits.isEmpty()) {
            Label none = new Label(context.text("cards.visits.none"));
            none.getStyleClass().add("text-muted");
            return new VBox(4, title, none);
        }
        VBox lines = new VBox(2);
        lines.setId("member-visits");
        for (Visit visit : visits.subList(0, Math.min(VISITS_SHOWN, visits.size()))) {
            String time = IsoTimes.text(visit.time());
            Label line = new Label(visit.productName() == null ? time : time + "  " + visit.productName());
            line.setWrapText(true);
            lines.getChildren().add(line);
        }
        return new VBox(4, title, lines);
    }

    private Button button(String key, String id, Feather icon, java.util.function.Consumer<Button> action) {
        Button button = new Button(context.text(key), new org.kordamp.ikonli.javafx.FontIcon(icon));
        button.setId(id);
        button.getStyleClass().add("small");
        // a key meant for the pane before it was read again can still reach its old button: that one no longer acts
        button.setOnAction(e -> {
            if (button.getScene() != null) {
                action.accept(button);
            }
        });
        button.setTooltip(new Tooltip(context.text("cards.keys.hint")));
        // a button takes Space by itself; a cashier presses Enter as in the dialogs it opens
        button.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && !button.isDisabled()) {
                event.consume();
                button.fire();
            }
        });
        return button;
    }
}
