package org.memberdesk.cards;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.purchases.PurchaseEffect;
import org.memberdesk.purchases.PurchaseLine;

/**
 * The cards a sale sold (a {@link PurchaseEffect}): a sale that sold a card is given back only by refunding the
 * card (退卡: what is left of it, not what the receipt says), so a plain return of it is refused; a void removes the
 * card, refused once the card was used, frozen or paid from.
 */
public final class CardsSold implements PurchaseEffect {
    private final CardStore cards;

    public CardsSold(CardStore cards) {
        this.cards = cards;
    }

    @Override
    public Step open(Connection connection) {
        return new Step() {
            @Override
            public void stored(Purchase purchase) throws SQLException {
                if (!purchase.isReturn() || purchase.refundOf() == null) {
                    return;
                }
                Optional<Card> card = cards.byPurchase(connection, purchase.refundOf());
                if (card.isPresent() && !card.get().refunded()) {
                    throw new ValidationException(Problem.of("purchase", "card.return.useRefund",
                            card.get().cardNo()));
                }
            }

            @Override
            public void appended(Purchase purchase, List<PurchaseLine> added) {
            }

            @Override
            public void voided(Purchase sale) throws SQLException {
                Optional<Card> card = cards.byPurchase(connection, sale.id());
                if (card.isEmpty()) {
                    return;
                }
                if (card.get().refunded() || cards.entriesBeyondSale(connection, card.get().id()) > 0) {
                    throw new ValidationException(Problem.of("purchase", "card.void.used", card.get().cardNo()));
                }
                cards.deleteCard(connection, card.get().id());
            }

            @Override
            public void flush() {
            }
        };
    }
}
