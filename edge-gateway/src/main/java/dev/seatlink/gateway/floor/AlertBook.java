package dev.seatlink.gateway.floor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts in force, and the changes that got them there. Each evaluation's conditions are compared
 * with the ones in force: new ones are raised, vanished ones cleared, continuing ones keep the time
 * and text they were raised with. Pure.
 */
public final class AlertBook {
    static final int KEPT_CHANGES = 200;

    private final Map<String, Alert> active = new LinkedHashMap<>();
    private final Deque<AlertChange> recent = new ArrayDeque<>();

    /** The conditions that hold now; returns what was raised and cleared, in that order. */
    public List<AlertChange> update(List<Alert> holding, long now) {
        List<AlertChange> changes = new ArrayList<>();
        Map<String, Alert> next = new LinkedHashMap<>();
        for (Alert alert : holding) {
            Alert kept = active.get(alert.id());
            if (kept == null) {
                changes.add(new AlertChange(AlertChange.RAISED, alert, now));
            }
            next.put(alert.id(), kept == null ? alert : kept);
        }
        active.forEach((id, alert) -> {
            if (!next.containsKey(id)) {
                changes.add(new AlertChange(AlertChange.CLEARED, alert, now));
            }
        });
        active.clear();
        active.putAll(next);
        for (AlertChange change : changes) {
            recent.addFirst(change);
            if (recent.size() > KEPT_CHANGES) {
                recent.removeLast();
            }
        }
        return changes;
    }

    /** In force, oldest first. */
    public List<Alert> active() {
        return List.copyOf(active.values());
    }

    /** The latest raises and clears, newest first. */
    public List<AlertChange> recent() {
        return List.copyOf(recent);
    }
}
