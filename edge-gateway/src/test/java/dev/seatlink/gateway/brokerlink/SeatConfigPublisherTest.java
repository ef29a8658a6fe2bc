package dev.seatlink.gateway.brokerlink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.seatlink.gateway.lease.Role;
import dev.seatlink.gateway.site.SeatSpec;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.Sites;
import dev.seatlink.gateway.testing.FakeFloorLink;
import dev.seatlink.gateway.testing.FakeRole;
import dev.seatlink.protocol.Codec;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeatConfigPublisherTest {
    private static final int SEATS = 4_500;

    private final FakeFloorLink link = new FakeFloorLink();
    private final List<Runnable> laterTurns = new ArrayList<>();
    private final SiteConfig site = floorOf(SEATS);
    private final FakeRole role = new FakeRole("gw-a");
    private final SeatConfigPublisher publisher = new SeatConfigPublisher(link, role, new Codec(), seat -> 0,
            () -> site, laterTurns::add);

    /** One team, seats s-1 … s-N. */
    private static SiteConfig floorOf(int seats) {
        StringBuilder json = new StringBuilder("{\"site\":\"hq\",\"floor\":\"f1\",\"teams\":[{\"id\":\"t\"}],\"seats\":[");
        for (int i = 1; i <= seats; i++) {
            json.append(i == 1 ? "" : ",").append("{\"seat\":\"s-").append(i).append("\",\"team\":\"t\",\"x\":")
                    .append(i % 100).append(",\"y\":").append(i / 100).append('}');
        }
        return Sites.parse(json.append("]}").toString());
    }

    private void brokerRetainsTheFirst(int seats) {
        for (SeatSpec seat : site.seats().subList(0, seats)) {
            publisher.retained(seat.seat(), site.seatConfig(seat));
        }
    }

    /** Acknowledges what was published and runs the later turns until nothing is left to do; returns the turns run. */
    private int runToTheEnd() {
        int turns = 0;
        while (!link.acks.isEmpty() || !laterTurns.isEmpty()) {
            List<Promise<Void>> acks = new ArrayList<>(link.acks);
            link.acks.clear();
            acks.forEach(Promise::complete);
            List<Runnable> due = new ArrayList<>(laterTurns);
            laterTurns.clear();
            due.forEach(Runnable::run);
            turns += due.size();
        }
        return turns;
    }

    private List<String> publishedSeats() {
        return link.published.stream().map(sent -> sent.topic().split("/")[4]).toList();
    }

    @Test
    void aLargeFloorIsComparedWithWhatTheBrokerRetainsATurnAtATime() {
        brokerRetainsTheFirst(SEATS);

        publisher.publishAll();

        assertThat(link.published).as("the first turn compared 2,000 seats, all retained").isEmpty();
        assertThat(laterTurns).hasSize(1);
        assertThat(runToTheEnd()).as("4,500 seats in turns of 2,000").isEqualTo(2);
        assertThat(link.published).isEmpty();
    }

    @Test
    void everyChangedSeatGetsItsConfigOnceAndNoUnchangedOneDoes() {
        brokerRetainsTheFirst(3_000);

        publisher.publishAll();
        runToTheEnd();

        assertThat(publishedSeats()).hasSize(SEATS - 3_000).doesNotHaveDuplicates()
                .allMatch(seat -> Integer.parseInt(seat.substring(2)) > 3_000);
        assertThat(link.published).allMatch(FakeFloorLink.Sent::retained).allMatch(FakeFloorLink.Sent::acknowledged);
    }

    /** Publishes all, and runs the later turns with no acknowledgement given: as far as the window goes. */
    private void publishAllUpToTheWindow() {
        publisher.publishAll();
        while (!laterTurns.isEmpty()) {
            laterTurns.remove(0).run();
        }
    }

    @Test
    void noMoreThanTheWindowIsUnacknowledgedAtOnce() {
        publishAllUpToTheWindow();

        assertThat(link.acks).hasSize(SeatConfigPublisher.WINDOW);
        runToTheEnd();
        assertThat(publishedSeats()).hasSize(SEATS).doesNotHaveDuplicates();
    }

    @Test
    void aStandbyPublishesNoSeatConfigsTheFloorsPrimaryDoes() {
        role.role = Role.STANDBY;

        publisher.publishAll();
        publisher.publish("s-1");
        runToTheEnd();

        assertThat(link.published).isEmpty();
    }

    @Test
    void aPublicationUnderWayWhenThePrimaryStandsDownStopsThere() {
        publishAllUpToTheWindow();
        assertThat(link.acks).hasSize(SeatConfigPublisher.WINDOW);

        role.role = Role.STANDBY;
        runToTheEnd();

        assertThat(link.published).as("the first window only").hasSize(SeatConfigPublisher.WINDOW);
    }

    @Test
    void oneSeatsConfigAgainWaitsItsTurnAtMostTwoUnacknowledgedAndOnceHoweverOftenAskedWhileWaiting() {
        for (int i = 1; i <= 10; i++) {
            publisher.publish("s-" + i);
        }
        publisher.publish("s-3");
        publisher.publish("s-10");
        publisher.publish("nobody");

        assertThat(publishedSeats()).containsExactly("s-1", "s-2");
        assertThat(link.acks).hasSize(SeatConfigPublisher.AGAIN_IN_FLIGHT);
        link.acks.remove(0).complete();
        laterTurns.remove(0).run();
        assertThat(publishedSeats()).containsExactly("s-1", "s-2", "s-3");

        runToTheEnd();
        assertThat(publishedSeats()).containsExactly("s-1", "s-2", "s-3", "s-4", "s-5", "s-6", "s-7", "s-8", "s-9",
                "s-10");
        assertThat(link.published).allMatch(FakeFloorLink.Sent::retained);
    }

    @Test
    void seatsWaitingWhileTheLinkIsDownGoWhenThePrimaryPublishesAgainAndNoneIsKeptForAStandby() {
        link.connected = false;
        publisher.publish("s-1");
        publisher.publish("s-2");
        assertThat(link.published).isEmpty();

        link.connected = true;
        brokerRetainsTheFirst(SEATS);
        publisher.publishAll(); // back on the broker
        runToTheEnd();
        assertThat(publishedSeats()).containsExactly("s-1", "s-2");

        link.connected = false;
        publisher.publish("s-3");
        role.role = Role.STANDBY;
        link.connected = true;
        publisher.publish("s-4");
        role.role = Role.PRIMARY;
        publisher.publishAll();
        runToTheEnd();
        assertThat(publishedSeats()).as("asked of a standby: not kept").containsExactly("s-1", "s-2", "s-3");
    }
}
