package dev.seatlink.terminal.badge;

import java.util.Optional;

/**
 * Which polls of a card reader are a badge presented: a card held on the reader counts once, and must leave the
 * field — no answer for {@value #GONE_AFTER} polls in a row, as a card left on an MFRC522 answers every other REQA,
 * still awake from the last — before the same card counts again. Another card counts at once. Pure.
 */
public final class CardPresence {
    static final int GONE_AFTER = 3;

    private String held;
    private int misses;

    /** What one poll saw; the card's UID when it is newly presented. */
    public Optional<String> poll(Optional<String> card) {
        if (card.isEmpty()) {
            if (++misses >= GONE_AFTER) {
                held = null;
            }
            return Optional.empty();
        }
        misses = 0;
        boolean fresh = !card.get().equals(held);
        held = card.get();
        return fresh ? card : Optional.empty();
    }
}
