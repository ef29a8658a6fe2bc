package dev.seatlink.gateway.web;

import io.vertx.core.Future;

/** Removes what the broker keeps of a seat no longer in the site config; fails naming what it could not do. */
public interface LeftoverRemover {
    Future<Void> remove(String seat);
}
