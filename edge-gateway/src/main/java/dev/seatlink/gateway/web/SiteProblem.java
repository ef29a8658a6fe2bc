package dev.seatlink.gateway.web;

/** Why the last edit of the site config was refused (the running one stays), or null. */
public interface SiteProblem {
    String problem();

    SiteProblem NONE = () -> null;
}
