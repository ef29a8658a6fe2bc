package dev.seatlink.gateway.metrics;

import dev.seatlink.gateway.cti.CtiOutcome;
import dev.seatlink.gateway.jetstream.ClusterFigures;
import dev.seatlink.protocol.RejectReason;
import dev.seatlink.protocol.Topic;
import java.lang.management.ManagementFactory;
import java.util.Map;

/** Renders {@link Metrics} and live gauges in the Prometheus text exposition format (version 0.0.4). */
public final class PrometheusText {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Values read from the floor and links at scrape time. */
    public record Gauges(int seats, int online, Map<String, Integer> seatsByState, int sseClients, int sseClientsBehind,
                         long sseBytes, boolean brokerConnected, boolean brokerSubscribed, StoreFigures store,
                         CentralFigures central, ClusterFigures cluster) {
    }

    /** The copy to the centre-wide store, read at scrape time; nothing is written when it is not configured. */
    public record CentralFigures(boolean enabled, boolean up, long copied, long backlog) {
    }

    /** The event store's writer, read at scrape time. */
    public record StoreFigures(long stored, long firstTime, long batches, long failures, int queued, boolean writable) {
    }

    private final StringBuilder out = new StringBuilder(4096);

    private PrometheusText() {
    }

    public static String render(Metrics m, Gauges g) {
        PrometheusText text = new PrometheusText();
        text.counter("seatlink_messages_in_total", "MQTT messages received, valid or not", m.received.sum());
        text.family("seatlink_messages_accepted_total", "counter", "Messages that passed validation, by topic kind");
        for (Topic.Kind kind : Topic.Kind.values()) {
            text.sample("seatlink_messages_accepted_total", "kind", kind.level(), m.accepted.get(kind).sum());
        }
        text.family("seatlink_messages_rejected_total", "counter", "Messages refused and not applied, by reason");
        for (RejectReason reason : RejectReason.values()) {
            text.sample("seatlink_messages_rejected_total", "reason", reason.label(), m.rejected.get(reason).sum());
        }
        text.family("seatlink_cti_events_total", "counter", "Phone-system events in (webhook and cti topic), by outcome");
        for (CtiOutcome outcome : CtiOutcome.values()) {
            text.sample("seatlink_cti_events_total", "outcome", outcome.label(), m.cti.get(outcome).sum());
        }
        text.gauge("seatlink_cti_owed", "Phone events from the cti topic or the AMI link not yet with the broker (on a "
                + "standby: the last 30 s, kept for a takeover)", m.ctiOwed);
        text.counter("seatlink_acd_pauses_sent_total", "Queue pauses sent to the phone system (AMI QueuePause)",
                m.acdPausesSent.sum());
        text.gauge("seatlink_acd_out_of_step_seats", "Seats whose queue pause at the phone system differs from their "
                + "state now", m.acdOutOfStep);
        text.family("seatlink_acd_out_of_step_max_seconds", "gauge", "The longest a seat's queue pause has differed "
                + "from its state since the gateway started");
        text.line("seatlink_acd_out_of_step_max_seconds " + m.acdOutOfStepMaxMs.get() / 1000.0);
        text.counter("seatlink_events_applied_total", "Events applied to the floor", m.applied.sum());
        text.counter("seatlink_events_duplicate_total", "Events dropped as duplicates of an applied (seat, seq)",
                m.duplicates.sum());
        text.counter("seatlink_gaps_opened_total", "Sequence gaps opened (an event arrived with seqs missing before it)",
                m.gapsOpened.sum());
        text.counter("seatlink_gaps_filled_total", "Gaps closed by the missing events arriving (in time or by replay)",
                m.gapsFilled.sum());
        text.counter("seatlink_events_missing_total", "Seqs given up on after replay and rebirth", m.missing.sum());
        text.counter("seatlink_replays_sent_total", "Replay commands sent to fill gaps", m.replays.sum());
        text.counter("seatlink_partner_replayed_events_total",
                "Stored events sent again for the floor's other gateway (its replay of a seat offline here, or online "
                        + "and not answering)", m.partnerReplays.sum());
        text.counter("seatlink_asks_over_nats_total", "Asks of seats (replay, rebirth) sent through the gateway's NATS "
                + "client (a pair on a cluster)", m.asksOverNats.sum());
        text.counter("seatlink_asks_over_broker_total", "Asks of seats a pair on a cluster sent over the broker link: "
                + "its NATS client was on no node", m.asksOverBroker.sum());
        text.counter("seatlink_states_stale_total", "State snapshots older than what was applied", m.staleStates.sum());
        text.counter("seatlink_status_stale_will_total", "Offline statuses from an earlier boot (late Last Wills)",
                m.staleWills.sum());
        text.counter("seatlink_status_redelivered_total", "Online statuses the broker handed over again (not applied)",
                m.redeliveredStatuses.sum());
        text.counter("seatlink_subscriptions_stalled_total", "Broker subscriptions whose probe did not come back "
                + "or whose consumer the cluster said was gone (their node died); each was made again",
                m.subscriptionsStalled.sum());
        text.counter("seatlink_subscription_taps_total", "QoS 0 taps of subscriptions whose consumer was in doubt "
                + "(after a connect or a stall), taken in until the consumer delivered", m.subscriptionTaps.sum());
        text.counter("seatlink_rebirths_sent_total", "Rebirth commands sent to seats", m.rebirths.sum());
        text.counter("seatlink_rebirths_followed_total", "Roll-call rebirths the pair's other gateway asked, "
                + "followed here instead of asked again", m.rebirthsFollowed.sum());
        text.counter("seatlink_seats_behind_total", "Terminals that restarted below the floor's seq for their seat "
                + "(replaced, data lost) and were told to continue above it", m.seatsBehind.sum());
        text.counter("seatlink_broker_connects_total", "Connects of the gateway's broker link, the first included",
                m.brokerConnects.sum());
        StoreFigures store = g.store();
        text.counter("seatlink_store_events_total", "Events committed to the store (duplicates included)", store.stored());
        text.counter("seatlink_store_new_events_total", "Events stored for the first time: each (seat, seq) once",
                store.firstTime());
        text.counter("seatlink_store_batches_total", "Store transactions", store.batches());
        text.counter("seatlink_store_failures_total", "Failed store commits (each retried)", store.failures());
        text.gauge("seatlink_store_queue", "Messages waiting for the store writer", store.queued());
        text.gauge("seatlink_store_writable", "1 while the store accepts writes", store.writable() ? 1 : 0);
        CentralFigures central = g.central();
        if (central.enabled()) {
            text.gauge("seatlink_central_up", "1 while copies to the centre store succeed", central.up() ? 1 : 0);
            text.counter("seatlink_central_copied_total", "Events copied to the centre store by this process",
                    central.copied());
            text.gauge("seatlink_central_backlog", "Events waiting in the outbox for the centre store", central.backlog());
        }
        if (g.cluster().known()) {
            text.cluster(g.cluster());
        }

        text.family("seatlink_event_latency_ms", "histogram",
                "Gateway receive time minus the terminal's event time (includes clock skew)");
        long cumulative = 0;
        for (int i = 0; i < Metrics.LATENCY_BOUNDS_MS.length; i++) {
            cumulative += m.latencyBuckets[i].sum();
            text.sample("seatlink_event_latency_ms_bucket", "le", String.valueOf(Metrics.LATENCY_BOUNDS_MS[i]), cumulative);
        }
        cumulative += m.latencyBuckets[Metrics.LATENCY_BOUNDS_MS.length].sum();
        text.sample("seatlink_event_latency_ms_bucket", "le", "+Inf", cumulative);
        text.line("seatlink_event_latency_ms_sum " + m.latencySumMs.sum());
        text.line("seatlink_event_latency_ms_count " + cumulative);

        text.gauge("seatlink_seats", "Seats in the seat map", g.seats());
        text.gauge("seatlink_seats_online", "Seats whose terminal is connected", g.online());
        text.family("seatlink_seats_by_state", "gauge", "Seats per shown state");
        g.seatsByState().forEach((state, n) -> text.sample("seatlink_seats_by_state", "state", state, n));
        text.gauge("seatlink_sse_clients", "Connected wallboard stream clients", g.sseClients());
        text.gauge("seatlink_sse_clients_behind", "Stream clients set aside until they drain (then resync)",
                g.sseClientsBehind());
        text.counter("seatlink_sse_bytes_total", "Bytes written to wallboard streams, all clients", g.sseBytes());
        text.gauge("seatlink_broker_connected", "1 while the gateway's MQTT link is up", g.brokerConnected() ? 1 : 0);
        text.gauge("seatlink_broker_subscribed", "1 while the broker has granted every subscription of the link",
                g.brokerSubscribed() ? 1 : 0);
        text.family("seatlink_tick_seconds", "gauge", "How long the last 1 s floor tick (KPIs, alerts, summary) took");
        text.line("seatlink_tick_seconds " + m.tickMicros / 1e6);
        text.family("seatlink_tick_max_seconds", "gauge", "The longest floor tick since the gateway started");
        text.line("seatlink_tick_max_seconds " + m.tickMaxMicros / 1e6);
        text.family("seatlink_http_loop_seconds", "summary",
                "How long each HTTP route's handlers held the event loop (work handed to workers not included)");
        m.routes.forEach((route, time) -> {
            text.line("seatlink_http_loop_seconds_count{route=\"" + route + "\"} " + time.count.sum());
            text.line("seatlink_http_loop_seconds_sum{route=\"" + route + "\"} " + time.sumMicros.sum() / 1e6);
        });
        text.family("seatlink_http_loop_max_seconds", "gauge", "The longest a route's handlers held the event loop");
        m.routes.forEach((route, time) -> text.line("seatlink_http_loop_max_seconds{route=\"" + route + "\"} "
                + time.maxMicros.get() / 1e6));
        text.gauge("jvm_memory_heap_used_bytes", "Java heap in use",
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            text.family("process_cpu_seconds_total", "counter", "CPU time the gateway process has used");
            text.line("process_cpu_seconds_total " + os.getProcessCpuTime() / 1e9);
        }
        return text.out.toString();
    }

    /** What the NATS nodes hold (read every 15 s with --nats-monitor); per seat only as a sum and a worst. */
    private void cluster(ClusterFigures cluster) {
        family("seatlink_jetstream_up", "gauge", "1 while a NATS node's monitoring endpoint answers");
        cluster.nodes().forEach(n -> sample("seatlink_jetstream_up", "node", n.node(), n.problem() == null ? 1 : 0));
        family("seatlink_jetstream_store_bytes", "gauge", "JetStream file storage in use on a NATS node");
        cluster.nodes().forEach(n -> sample("seatlink_jetstream_store_bytes", "node", n.node(), n.storeBytes()));
        family("seatlink_jetstream_memory_bytes", "gauge", "JetStream memory storage in use on a NATS node");
        cluster.nodes().forEach(n -> sample("seatlink_jetstream_memory_bytes", "node", n.node(), n.memoryBytes()));
        family("seatlink_jetstream_stream_messages", "gauge", "Messages in an MQTT stream (newest replica)");
        cluster.streams().forEach(st -> sample("seatlink_jetstream_stream_messages", "stream", st.name(), st.messages()));
        family("seatlink_jetstream_stream_bytes", "gauge", "Bytes in an MQTT stream (newest replica)");
        cluster.streams().forEach(st -> sample("seatlink_jetstream_stream_bytes", "stream", st.name(), st.bytes()));
        family("seatlink_session_backlog", "gauge",
                "Messages the cluster holds for a gateway session of this floor (not yet delivered or not acknowledged)");
        cluster.gatewayBacklog().forEach((client, n) -> sample("seatlink_session_backlog", "client", client, n));
        gauge("seatlink_seat_sessions", "Seats of the site config with a session on the cluster",
                cluster.seatBacklog().size());
        gauge("seatlink_seat_sessions_backlog", "Messages the cluster holds for seats' sessions, all seats",
                cluster.seatBacklog().values().stream().mapToLong(Long::longValue).sum());
        gauge("seatlink_seat_session_backlog_max", "The most messages the cluster holds for one seat's session",
                cluster.seatBacklog().values().stream().mapToLong(Long::longValue).max().orElse(0));
        gauge("seatlink_leftover_sessions", "Sessions of seats no longer in the site config (see the fleet view)",
                cluster.leftoverSessions().size());
    }

    private void family(String name, String type, String help) {
        line("# HELP " + name + " " + help);
        line("# TYPE " + name + " " + type);
    }

    private void counter(String name, String help, long value) {
        family(name, "counter", help);
        line(name + " " + value);
    }

    private void gauge(String name, String help, long value) {
        family(name, "gauge", help);
        line(name + " " + value);
    }

    private void sample(String name, String label, String value, long sample) {
        line(name + "{" + label + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"} " + sample);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
