package org.memberdesk.ui.counter;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.memberdesk.cards.Card;
import org.memberdesk.common.Money;
import org.memberdesk.members.Member;
import org.memberdesk.members.Phones;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseLine;
import org.memberdesk.ui.common.PointsBalance;
import org.memberdesk.ui.common.UiContext;

/**
 * The served member's card on the counter: name, number, visits, spend, points, tier, their member cards (stored
 * value with principal and bonus, sessions left, valid to) and recent purchases.
 */
final class MemberCard {
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final UiContext context;
    private final VBox card;

    MemberCard(UiContext context, VBox card) {
        this.context = context;
        this.card = card;
    }

    void fill(Member member, List<Purchase> purchases, List<Card> cards) {
        if (member == null) {
            Label none = new Label(context.text("counter.member.none"));
            none.getStyleClass().add("text-muted");
            none.setWrapText(true);
            card.getChildren().setAll(none);
            return;
        }
        Label name = new Label(member.name());
        name.setId("counter-member-name");
        name.getStyleClass().add("detail-name");
        Label number = new Label(member.memberNo() + "   " + Phones.mask(member.phone()));
        number.getStyleClass().add("text-muted");
        GridPane facts = new GridPane();
        facts.setHgap(14);
        facts.setVgap(4);
        Label visits = new Label(context.text("member.spend.visits", member.stats().purchases(),
                member.stats().returns()));
        visits.setId("counter-member-visits");
        Label spent = new Label(Money.display(member.stats().netSpentCents()));
        spent.setId("counter-member-spent");
        Label points = PointsBalance.label(member.points(), context.messages());
        points.setId("counter-member-points");
        facts.addRow(0, muted("member.spend.visitsLabel"), visits);
        facts.addRow(1, muted("member.spend.net"), spent);
        facts.addRow(2, muted("member.points"), points);
        if (member.tier() != null) {
            facts.addRow(3, muted("member.tier"), new Label(member.tier()));
        }
        VBox recent = new VBox(3);
        for (Purchase p : purchases) {
            Label line = new Label(p.time().format(RECENT)
                    + "  " + p.lines().stream().map(PurchaseLine::item).collect(Collectors.joining("，"))
                    + "  " + Money.display(p.totalCents()));
            line.getStyleClass().add("text-muted");
            recent.getChildren().add(line);
        }
        Label recentTitle = new Label(context.text("counter.recent"));
        recentTitle.getStyleClass().add("text-bold");
        card.getChildren().setAll(name, number, facts);
        if (!cards.isEmpty()) {
            // stored value first (principal + bonus), then passes and session cards by the day they end
            VBox held = new VBox(3);
            held.setId("counter-member-cards");
            for (Card one : CounterCards.sorted(cards)) {
                Label line = new Label(CardWords.line(one, context.messages()));
                line.setWrapText(true);
                line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                line.getStyleClass().add(one.kind() == org.memberdesk.cards.CardKind.STORED_VALUE
                        ? "text-bold" : "text-normal");
                held.getChildren().add(line);
            }
            Label cardsTitle = new Label(context.text("counter.cards.title"));
            cardsTitle.getStyleClass().add("text-bold");
            card.getChildren().addAll(cardsTitle, held);
        }
        if (!purchases.isEmpty()) {
            card.getChildren().addAll(recentTitle, recent);
        }
    }

    private Label muted(String key) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("text-muted");
        return label;
    }
}
