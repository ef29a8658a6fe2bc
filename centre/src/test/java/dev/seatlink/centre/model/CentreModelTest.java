package dev.seatlink.centre.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.centre.config.CentrePlan;
import dev.seatlink.protocol.FloorSummary;
import dev.seatlink.protocol.AgentState;
import dev.seatlink.protocol.GatewayStatus;
import dev.seatlink.protocol.Cause;
import dev.seatlink.protocol.SeatEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CentreModelTest {
    static final long T = 1_800_000_000_000L;
    private final CentreModel model = new CentreModel(new CentrePlan("Leeds", List.of(
            new CentrePlan.FloorRef("leeds", "f1", "Floor 1"), new CentrePlan.FloorRef("leeds", "f2", "Floor 2"))));

    private static FloorSummary summary(int staffed, int ready, Integer occupancy, List<FloorSummary.Help> help,
                                        Map<String, Map<String, FloorSummary.Group>> groups) {
        return new FloorSummary(T, 20, staffed, help.size(), Map.of("READY", ready, "OFFLINE", 20 - staffed), Map.of(),
                occupancy, Map.of(), 1, staffed, groups, help, List.of(new FloorSummary.AlertItem("a-1", "min-ready", "t-1",
                null, "t-1: 0 ready, minimum 2", T - 5_000)), "leeds-f1-gateway-a");
    }

    @Test
    void tilesShowEachFloorAndTotalsWeighOccupancyByStaffedSeats() {
        model.summary("leeds", "f1", summary(10, 4, 80, List.of(), Map.of()), T);
        model.summary("leeds", "f2", summary(30, 6, 60, List.of(), Map.of()), T);
        CentreView view = model.view(T + 1_000);

        assertThat(view.floors()).extracting(CentreView.Tile::name).containsExactly("Floor 1", "Floor 2");
        assertThat(view.floors()).extracting(CentreView.Tile::state).containsOnly("live");
        assertThat(view.totals().staffed()).isEqualTo(40);
        assertThat(view.totals().ready()).isEqualTo(10);
        assertThat(view.totals().occupancy()).isEqualTo(65); // (80×10 + 60×30) / 40
        assertThat(view.totals().alerts()).isEqualTo(2);
    }

    @Test
    void raisedHandsAndAlertsOfEveryFloorAreOneQueueHandsFirstEachLongestWaitingFirst() {
        model.lease("leeds", "f2", GatewayStatus.primary("leeds-f2-gateway-b", T, "http://gw-b:8080/", T), T);
        model.summary("leeds", "f1", summary(10, 4, 80,
                List.of(new FloorSummary.Help("s-3", "a3", "t-1", "t-1", T - 1_000)), Map.of()), T);
        model.summary("leeds", "f2", summary(10, 4, 80,
                List.of(new FloorSummary.Help("s-9", "a9", "t-2", "t-9", T - 60_000)), Map.of()), T);

        List<CentreView.QueueItem> queue = model.view(T).queue();
        assertThat(queue).extracting(CentreView.QueueItem::seat).containsExactly("s-9", "s-3", null, null);
        assertThat(queue).extracting(CentreView.QueueItem::kind).containsExactly("help", "help", "alert", "alert");
        assertThat(queue.get(0).team()).as("the team asked to take it").isEqualTo("t-9");
        assertThat(queue.get(0).wallboard()).isEqualTo("http://gw-b:8080/");
    }

    @Test
    void aRaisedHandIsNeverCutFromTheQueueByOlderAlerts() {
        List<CentrePlan.FloorRef> refs = java.util.stream.IntStream.rangeClosed(1, 6)
                .mapToObj(f -> new CentrePlan.FloorRef("leeds", "f" + f, "Floor " + f)).toList();
        CentreModel centre = new CentreModel(new CentrePlan("Leeds", refs));
        List<FloorSummary.AlertItem> alerts = java.util.stream.IntStream.range(0, FloorSummary.MAX_LISTED)
                .mapToObj(i -> new FloorSummary.AlertItem("a-" + i, "seat-offline", "t-1", "s-" + i, "s-" + i
                        + " is offline", T - 600_000 + i)).toList();
        for (CentrePlan.FloorRef ref : refs) {
            List<FloorSummary.Help> hands = ref.floor().equals("f6")
                    ? List.of(new FloorSummary.Help("s-7", "a7", "t-1", "t-1", T - 1_000)) : List.of();
            centre.summary("leeds", ref.floor(), new FloorSummary(T, 200, 100, hands.size(), Map.of(), Map.of(), null,
                    Map.of(), alerts.size(), 100, Map.of(), hands, alerts, "leeds-" + ref.floor() + "-gateway-a"), T);
        }

        CentreView view = centre.view(T);
        assertThat(view.queueTotal()).isEqualTo(6 * FloorSummary.MAX_LISTED + 1);
        assertThat(view.queue()).hasSize(CentreModel.MAX_QUEUE);
        assertThat(view.queue().get(0).seat()).as("the newest item of 601, and the one to answer at once")
                .isEqualTo("s-7");
    }

    @Test
    void aFloorSilentForFiveSecondsIsStaleAndNeverHeardIsWaiting() {
        model.lease("leeds", "f1", GatewayStatus.primary("leeds-f1-gateway-a", T, null, T), T);
        assertThat(model.view(T + CentreModel.STALE_MS).floors()).extracting(CentreView.Tile::state)
                .containsExactly("live", "waiting");
        CentreView later = model.view(T + CentreModel.STALE_MS + 1);
        assertThat(later.floors().get(0).state()).isEqualTo("stale");
        assertThat(later.staleFloors()).isEqualTo(1);
        model.lease("leeds", "f1", GatewayStatus.primary("leeds-f1-gateway-b", T + 7_000, null, T + 7_000), T + 7_000);
        assertThat(model.view(T + 7_000).floors().get(0).state()).isEqualTo("live");
        assertThat(model.view(T + 7_000).floors().get(0).primary()).isEqualTo("leeds-f1-gateway-b");
    }

    @Test
    void theStandbysLastWillDoesNotUnseatThePrimary() {
        model.lease("leeds", "f1", GatewayStatus.primary("leeds-f1-gateway-a", T, "http://a/", T), T);
        model.lease("leeds", "f1", GatewayStatus.offline("leeds-f1-gateway-b", T + 1), T + 1);
        assertThat(model.view(T + 2).floors().get(0).primary()).isEqualTo("leeds-f1-gateway-a");
        model.lease("leeds", "f1", GatewayStatus.offline("leeds-f1-gateway-a", T + 3), T + 3);
        assertThat(model.view(T + 4).floors().get(0).primary()).isNull();
    }

    @Test
    void groupsAddUpAcrossFloors() {
        var vip = Map.of("vip", new FloorSummary.Group(10, 8, 3, 4, 1, 0, 1, 50));
        var vip2 = Map.of("vip", new FloorSummary.Group(10, 2, 1, 1, 0, 0, 0, 100));
        model.summary("leeds", "f1", summary(10, 4, 80, List.of(), Map.of("customerTier", vip)), T);
        model.summary("leeds", "f2", summary(10, 4, 80, List.of(), Map.of("customerTier", vip2)), T);
        CentreView.GroupRow row = model.view(T).groups().get("customerTier").get(0);
        assertThat(row.key()).isEqualTo("vip");
        assertThat(row.floors()).isEqualTo(2);
        assertThat(row.staffed()).isEqualTo(10);
        assertThat(row.occupancy()).isEqualTo(60); // (50×8 + 100×2) / 10
    }

    @Test
    void aFloorNotInTheCentreIsIgnored() {
        assertThat(model.summary("elsewhere", "f1", summary(1, 1, null, List.of(), Map.of()), T)).isFalse();
        assertThat(model.view(T).floors()).hasSize(2);
    }

    private static SeatEvent hand(String seat, boolean up, long at) {
        return new SeatEvent(seat, "a-" + seat, AgentState.READY, AgentState.READY, null, up, at, 7, "b-1",
                Cause.BUTTON);
    }

    private List<String> handsShown(long now) {
        return model.view(now).queue().stream().filter(item -> item.kind().equals("help"))
                .map(item -> item.seat() + "/" + item.team()).toList();
    }

    @Test
    void aHandTheSeatRaisesIsShownAtOnceAndTheSummaryThatListsItGivesItsTeam() {
        model.summary("leeds", "f1", summary(10, 4, 80, List.of(), Map.of()), T);
        model.seatEvent("leeds", "f1", hand("s-3", true, T + 100), T + 200);

        assertThat(handsShown(T + 200)).containsExactly("s-3/null");
        assertThat(model.view(T + 200).floors().get(0).help()).as("counted on the tile too").isEqualTo(1);
        model.summary("leeds", "f1", summary(10, 4, 80,
                List.of(new FloorSummary.Help("s-3", "a-s-3", "t-1", "t-1", T + 100)), Map.of()), T + 900);
        assertThat(handsShown(T + 900)).as("once, as the floor lists it").containsExactly("s-3/t-1");
        assertThat(model.view(T + 900).totals().help()).isEqualTo(1);
    }

    @Test
    void aHandLoweredAtTheSeatGoesAtOnce() {
        model.seatEvent("leeds", "f1", hand("s-3", true, T), T);
        model.seatEvent("leeds", "f1", hand("s-3", false, T + 500), T + 600);

        assertThat(handsShown(T + 600)).isEmpty();
    }

    @Test
    void aHandNoSummaryListsGoesOnceASummaryHasHadTimeToOrAfterAMinute() {
        model.seatEvent("leeds", "f1", hand("s-3", true, T), T); // its lowering was lost: QoS 0
        model.summary("leeds", "f1", summary(10, 4, 80, List.of(), Map.of()), T + CentreModel.CONFIRM_MS - 1);
        assertThat(handsShown(T + CentreModel.CONFIRM_MS - 1)).as("that summary may predate the hand").hasSize(1);
        model.summary("leeds", "f1", summary(10, 4, 80, List.of(), Map.of()), T + CentreModel.CONFIRM_MS);
        assertThat(handsShown(T + CentreModel.CONFIRM_MS)).as("the gateway saw it lowered").isEmpty();
        model.seatEvent("leeds", "f1", hand("s-3", true, T + 5_000), T + 5_000);
        assertThat(handsShown(T + 5_000)).as("raised again").containsExactly("s-3/null");
        model.seatEvent("leeds", "f1", hand("s-3", false, T + 6_000), T + 6_000);

        model.seatEvent("leeds", "f2", hand("s-4", true, T), T); // a floor whose gateways are silent
        assertThat(handsShown(T + CentreModel.UNCONFIRMED_MS)).containsExactly("s-4/null");
        assertThat(handsShown(T + CentreModel.UNCONFIRMED_MS + 1)).isEmpty();
    }

    @Test
    void aReplayedOrLateEventRaisesNoHand() {
        assertThat(model.seatEvent("leeds", "f1", hand("s-3", true, T), T + CentreModel.LATE_EVENT_MS + 1)).isFalse();
        assertThat(handsShown(T + CentreModel.LATE_EVENT_MS + 1)).isEmpty();
    }

    @Test
    void handsOfFloorsNotInTheCentreAndBeyondTheBoundAreNotKept() {
        assertThat(model.seatEvent("york", "f1", hand("s-1", true, T), T)).isFalse();
        for (int i = 0; i < CentreModel.MAX_HANDS + 5; i++) {
            model.seatEvent("leeds", "f1", hand("s-" + i, true, T), T);
        }
        assertThat(model.view(T).floors().get(0).help()).isEqualTo(CentreModel.MAX_HANDS);
        assertThat(model.seatEvent("leeds", "f1", hand("s-x", true, T + CentreModel.UNCONFIRMED_MS),
                T + CentreModel.UNCONFIRMED_MS + 1))
                .as("room again once the old ones expired").isTrue();
        assertThat(handsShown(T + CentreModel.UNCONFIRMED_MS + 1)).containsExactly("s-x/null");
    }
}
