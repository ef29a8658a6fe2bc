package dev.seatlink.gateway.apply;

import dev.seatlink.gateway.floor.SeatView;

/** Who hears that a seat's view changed (the wallboard stream). */
public interface SeatChanges {
    void seatChanged(SeatView view);
}
