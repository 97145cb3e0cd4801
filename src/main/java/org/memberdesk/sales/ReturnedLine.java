package org.memberdesk.sales;

/** What a return takes back of one sold line: how many units and the money given back for them. */
public record ReturnedLine(int lineNo, String item, int quantity, long refundCents) {
}
