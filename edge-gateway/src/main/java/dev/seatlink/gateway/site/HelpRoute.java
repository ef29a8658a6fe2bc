package dev.seatlink.gateway.site;

/**
 * Where a team's raised hands go, following the center's support model.
 *
 * @param model {@code integrated}: the team leader and the team's expert-tier agents take them;
 *              {@code specialist}: they queue for another team, {@code group}
 * @param group the specialist team's id (specialist model only)
 */
public record HelpRoute(String model, String group) {
    public static final String INTEGRATED = "integrated";
    public static final String SPECIALIST = "specialist";

    public static HelpRoute integrated() {
        return new HelpRoute(INTEGRATED, null);
    }

    public boolean specialist() {
        return SPECIALIST.equals(model);
    }
}
