package dev.seatlink.gateway.floor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The hands supervisors took lately: the newest {@value #KEPT}, for the wallboard's help panel. */
final class RecentHelpTaken {
    static final int KEPT = 50;

    private final Deque<HelpTaken> taken = new ArrayDeque<>();

    void add(HelpTaken help) {
        taken.addFirst(help);
        if (taken.size() > KEPT) {
            taken.removeLast();
        }
    }

    List<HelpTaken> newestFirst() {
        return List.copyOf(taken);
    }
}
