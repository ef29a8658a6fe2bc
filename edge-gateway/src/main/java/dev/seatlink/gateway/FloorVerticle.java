package dev.seatlink.gateway;

import dev.seatlink.gateway.access.PasswordFile;
import dev.seatlink.gateway.acd.AcdFloor;
import dev.seatlink.gateway.acd.AcdLink;
import dev.seatlink.gateway.acd.AmiLink;
import dev.seatlink.gateway.acd.CallsInProgressFile;
import dev.seatlink.gateway.acd.PauseKeeper;
import dev.seatlink.gateway.acd.QueueMembership;
import dev.seatlink.gateway.acd.QueuePauses;
import dev.seatlink.gateway.agents.AgentDirectory;
import dev.seatlink.gateway.agents.AgentFile;
import dev.seatlink.gateway.apply.FloorUpdater;
import dev.seatlink.gateway.apply.SeatProgress;
import dev.seatlink.gateway.audit.AuditLog;
import dev.seatlink.gateway.audit.BackgroundAuditTrail;
import dev.seatlink.gateway.badges.BadgeDesk;
import dev.seatlink.gateway.brokerlink.AtMostOnce;
import dev.seatlink.gateway.brokerlink.BrokerLink;
import dev.seatlink.gateway.brokerlink.BrokerOutbox;
import dev.seatlink.gateway.brokerlink.ConnectGate;
import dev.seatlink.gateway.brokerlink.ConsumerCheck;
import dev.seatlink.gateway.brokerlink.FloorSummaryPublisher;
import dev.seatlink.gateway.brokerlink.LeftoverRemoval;
import dev.seatlink.gateway.brokerlink.LinkSettings;
import dev.seatlink.gateway.brokerlink.MovesPublisher;
import dev.seatlink.gateway.brokerlink.SeatConfigPublisher;
import dev.seatlink.gateway.brokerlink.SessionEraser;
import dev.seatlink.gateway.brokerlink.ShiftRecordPublisher;
import dev.seatlink.gateway.calls.CallFigures;
import dev.seatlink.gateway.central.CentralStatus;
import dev.seatlink.gateway.cti.CtiIntake;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.gateway.floor.FloorModel;
import dev.seatlink.gateway.ingest.IngestPipeline;
import dev.seatlink.gateway.jetstream.ClusterView;
import dev.seatlink.gateway.jetstream.HttpNodeMonitor;
import dev.seatlink.gateway.jetstream.JetStreamWatch;
import dev.seatlink.gateway.jobs.FloorTick;
import dev.seatlink.gateway.jobs.HandoverAtShiftEnd;
import dev.seatlink.gateway.jobs.HandsFirst;
import dev.seatlink.gateway.jobs.HeldSeatUpdates;
import dev.seatlink.gateway.jobs.MoveExpiry;
import dev.seatlink.gateway.jobs.PeriodicJob;
import dev.seatlink.gateway.jobs.Relayout;
import dev.seatlink.gateway.jobs.ReorderCheck;
import dev.seatlink.gateway.jobs.Retention;
import dev.seatlink.gateway.jobs.SiteConfigCheck;
import dev.seatlink.gateway.jobs.StreamHeartbeat;
import dev.seatlink.gateway.lease.Lease;
import dev.seatlink.gateway.lease.LeaseKeeper;
import dev.seatlink.gateway.lease.LeaseStore;
import dev.seatlink.gateway.lease.NatsLeaseStore;
import dev.seatlink.gateway.lease.StoredLease;
import dev.seatlink.gateway.lease.LeaseTiming;
import dev.seatlink.gateway.lease.PrimaryDuties;
import dev.seatlink.gateway.metrics.Metrics;
import dev.seatlink.gateway.moves.FloorLayout;
import dev.seatlink.gateway.moves.Move;
import dev.seatlink.gateway.moves.MoveFile;
import dev.seatlink.gateway.moves.MovesFromPrimary;
import dev.seatlink.gateway.moves.TeamMoves;
import dev.seatlink.gateway.natsclient.MqttStoreGate;
import dev.seatlink.gateway.natsclient.NatsAsks;
import dev.seatlink.gateway.natsclient.NatsClient;
import dev.seatlink.gateway.natsclient.SessionConsumers;
import dev.seatlink.gateway.partner.PartnerFill;
import dev.seatlink.gateway.partner.StoreReads;
import dev.seatlink.gateway.roster.Roster;
import dev.seatlink.gateway.roster.RosterFile;
import dev.seatlink.gateway.shift.BackgroundAlertJournal;
import dev.seatlink.gateway.shift.HandoverBuilder;
import dev.seatlink.gateway.shift.ShiftRecords;
import dev.seatlink.gateway.shift.ShiftRecordsFromPrimary;
import dev.seatlink.gateway.site.SiteConfig;
import dev.seatlink.gateway.site.SiteWatcher;
import dev.seatlink.gateway.store.EventStore;
import dev.seatlink.gateway.store.StoreWriter;
import dev.seatlink.gateway.store.StoredEvent;
import dev.seatlink.gateway.web.Access;
import dev.seatlink.gateway.web.AgentRoutes;
import dev.seatlink.gateway.web.CommandRoutes;
import dev.seatlink.gateway.web.CtiRoutes;
import dev.seatlink.gateway.web.EventHistory;
import dev.seatlink.gateway.web.FleetRoutes;
import dev.seatlink.gateway.web.FloorRoutes;
import dev.seatlink.gateway.web.LiveFigures;
import dev.seatlink.gateway.web.LiveUpdates;
import dev.seatlink.gateway.web.LoopTimer;
import dev.seatlink.gateway.web.MoveRoutes;
import dev.seatlink.gateway.web.OpsRoutes;
import dev.seatlink.gateway.web.ReportRoutes;
import dev.seatlink.gateway.web.ReviewRoutes;
import dev.seatlink.gateway.web.RosterRoutes;
import dev.seatlink.gateway.web.SameOrigin;
import dev.seatlink.gateway.web.ShiftRoutes;
import dev.seatlink.gateway.web.SignIn;
import dev.seatlink.gateway.web.SiteProblem;
import dev.seatlink.gateway.web.SseStream;
import dev.seatlink.gateway.web.StaticPages;
import dev.seatlink.link.RejectLog;
import dev.seatlink.protocol.Codec;
import dev.seatlink.protocol.Topic;
import dev.seatlink.protocol.SeatEvent;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The gateway's composition root: builds the floor's parts in dependency order (the broker link first,
 * then what applies to the floor, then what reads it), schedules the {@link PeriodicJob}s, runs the first
 * tick, and only then serves HTTP and connects to the broker. Everything that touches the
 * {@link FloorModel} runs on this verticle's event loop, so nothing is locked; only the store writer and
 * Vert.x's workers run elsewhere.
 */
final class FloorVerticle extends VerticleBase {
    static final int SEND_BUFFER_BYTES = 64 * 1024;
    /** Longer than the stream's heartbeat, so a wallboard that reads is never idle. */
    static final int IDLE_TIMEOUT_S = 60;

    /** What the gateway found on disk at start. */
    record Restored(Map<String, StoredEvent> lastStored, List<SeatEvent> shiftSoFar,
                    Map<String, CallFigures> callsByAgent, Map<String, CallFigures> callsByTeam, AgentDirectory agents,
                    List<Move> moves, Roster roster) {
    }

    private final GatewayConfig config;
    private final SiteConfig initialSite;
    private final SiteWatcher watcher;
    private final String brokerUrl;
    private final EventStore store;
    private final AuditLog auditLog;
    private final ShiftRecords shiftRecords;
    private final Restored restored;
    private final PasswordFile supervisors;
    private final CentralStatus central;
    private final FloorClock clock = FloorClock.SYSTEM;
    private final Codec codec = new Codec();
    private StoreWriter writer;
    private BrokerLink link;
    /** A pair's on a cluster ({@code --nats}), else null: its lease and its asks of seats go through it. */
    private NatsClient nats;
    private LeaseKeeper keeper;
    private AmiLink ami;
    private SseStream stream;
    private HttpServer server;

    FloorVerticle(GatewayConfig config, SiteConfig site, SiteWatcher watcher, String brokerUrl, EventStore store,
                  AuditLog auditLog, ShiftRecords shiftRecords, Restored restored, PasswordFile supervisors,
                  CentralStatus central) {
        this.central = central;
        this.config = config;
        this.initialSite = site;
        this.watcher = watcher;
        this.brokerUrl = brokerUrl;
        this.store = store;
        this.auditLog = auditLog;
        this.shiftRecords = shiftRecords;
        this.restored = restored;
        this.supervisors = supervisors;
    }

    private LeaseKeeper leaseKeeper(LinkSettings linkSettings) {
        String self = linkSettings.gatewayId();
        Topic topic = linkSettings.statusTopic();
        if (config.link().instance() == null) {
            return new LeaseKeeper(link, codec, topic, Lease.single(self, LeaseTiming.DEFAULT, clock.millis()),
                    LeaseTiming.DEFAULT, clock);
        }
        if (nats == null) {
            return new LeaseKeeper(link, codec, topic, Lease.paired(self, LeaseTiming.DEFAULT), LeaseTiming.DEFAULT, clock);
        }
        LeaseStore store = new NatsLeaseStore(vertx, nats, topic, codec);
        return new LeaseKeeper(link, codec, topic, new StoredLease(self, LeaseTiming.DEFAULT), store, LeaseTiming.DEFAULT,
                clock);
    }

    @Override
    public Future<?> start() {
        String site = initialSite.site();
        String floorId = initialSite.floor();
        Metrics metrics = new Metrics();
        writer = new StoreWriter(store);
        TeamMoves moves = new TeamMoves(restored.moves());
        moves.settle(initialSite, clock.millis()); // a shift's moves that ended while the gateway was down
        FloorModel floor = new FloorModel(moves.applyTo(initialSite), clock.millis(), writer::record);
        FloorLayout layout = new FloorLayout(initialSite, moves, floor, clock);
        restored.lastStored().values().forEach(stored -> floor.restore(stored.event()));
        floor.replayShift(restored.shiftSoFar());
        floor.calls().restore(restored.callsByAgent(), restored.callsByTeam());
        floor.agents(restored.agents());
        floor.roster(restored.roster());

        // The broker link and what it publishes; it connects last, once the floor can take what it brings.
        LinkSettings linkSettings = LinkSettings.forGateway(config, brokerUrl, site, floorId);
        if (config.link().instance() != null && !config.link().natsServers().isEmpty()) {
            nats = new NatsClient(config.link().natsServers(), config.link().username(), config.link().password(),
                    config.link().tlsCaFile(), linkSettings.clientId());
        }
        // on a cluster, asked through the NATS client: whether it can take the session, whether its consumers live
        ConnectGate gate = nats == null ? ConnectGate.OPEN
                : new MqttStoreGate(vertx, nats, clock, MqttStoreGate.WAIT_AT_MOST_MS);
        ConsumerCheck consumers = nats == null ? ConsumerCheck.NONE
                : new SessionConsumers(vertx, nats, linkSettings.clientId());
        link = new BrokerLink(vertx, linkSettings, codec, metrics, clock, gate, consumers);
        // Which of the floor's gateways acts: alone, always this one; one of a pair, whoever holds the lease — kept
        // in the cluster's store when there is one, else on the broker's retained gateway topic.
        keeper = leaseKeeper(linkSettings);

        // Applying to the floor, and who hears of it.
        stream = new SseStream(clock, (ms, task) -> vertx.setTimer(ms, id -> task.run()));
        LiveUpdates live = new LiveUpdates(stream, clock);
        SignIn signIn = new SignIn(supervisors, clock);
        RejectLog rejectLog = new RejectLog(clock::millis);
        SeatProgress progress = new SeatProgress();
        SeatConfigPublisher configs = new SeatConfigPublisher(link, keeper, codec, progress, floor::site,
                task -> vertx.runOnContext(v -> task.run()));
        AtMostOnce asks = nats == null ? link : new NatsAsks(nats, link, metrics::asked);
        BrokerOutbox outbox = new BrokerOutbox(link, asks, configs, codec, site, floorId);
        BackgroundAuditTrail audit = new BackgroundAuditTrail(vertx, auditLog);
        Access access = new Access(signIn, floor, audit, clock);
        CommandRoutes commands = new CommandRoutes(floor, access, outbox, link, keeper, clock, audit,
                config.floor().commandTimeoutS());
        FloorUpdater updater = new FloorUpdater(floor, progress, metrics, rejectLog, live, outbox, commands, clock,
                keeper, config.floor().reorderTimeoutMs());
        restored.lastStored().values().forEach(stored -> updater.restore(stored.event()));
        QueuePauses pauses = new QueuePauses();
        CtiIntake cti = new CtiIntake(floor, keeper, outbox, metrics, pauses, clock);
        MoveFile moveFile = new MoveFile(config.store().dataDir());
        Executor disk = task -> vertx.executeBlocking(() -> {
            task.run();
            return null;
        }, false);
        MovesFromPrimary published = new MovesFromPrimary(layout, moveFile, disk, keeper);
        IngestPipeline ingest = new IngestPipeline(codec, metrics, rejectLog, writer, new FloorInbox(updater, cti,
                new BadgeDesk(floor, outbox, keeper, audit, clock), published,
                new ShiftRecordsFromPrimary(shiftRecords, disk)),
                task -> context.runOnContext(v -> task.run()), clock);

        // By the clock.
        LiveFigures figures = new LiveFigures(floor, live, keeper);
        FloorTick tick = new FloorTick(vertx, floor, updater, live, new BackgroundAlertJournal(vertx, shiftRecords),
                metrics, clock, List.of(t -> commands.expire(t.now()), figures,
                        new FloorSummaryPublisher(link, keeper, codec, site, floorId)));
        MovesPublisher movesOut = new MovesPublisher(link, codec, keeper, site, floorId, clock);
        layout.onRelayout(new Relayout(configs, tick, live, movesOut));
        HandoverBuilder handovers = new HandoverBuilder(store, auditLog, shiftRecords);
        PartnerFill partnerFill = new PartnerFill(seat -> floor.seat(seat).map(view -> !view.online()).orElse(false),
                updater::askedReplay, new StoreReads(vertx, store), outbox, metrics::replayedForPartner, clock);
        List<PeriodicJob> jobs = new ArrayList<>(List.of(tick, new MoveExpiry(layout), partnerFill,
                new HandsFirst(floor, tick, clock), keeper, new ReorderCheck(updater), new HeldSeatUpdates(live),
                new StreamHeartbeat(stream), cti,
                new Retention(vertx, store, auditLog, shiftRecords, config.store().retentionDays(), clock),
                new HandoverAtShiftEnd(vertx, floor, handovers, shiftRecords, clock)));
        ClusterView cluster = ClusterView.NONE;
        if (!config.link().natsMonitor().isEmpty()) {
            JetStreamWatch watch = new JetStreamWatch(vertx, floor, config.link().natsMonitor(), new HttpNodeMonitor(),
                    clock);
            jobs.add(watch);
            watch.run(); // the first figures now, not in 15 s
            cluster = watch;
        }
        AcdLink acd = AcdLink.NONE;
        if (config.floor().acd() != null) {
            QueueMembership membership = new QueueMembership();
            ami = new AmiLink(config.floor().acd(), context, new AcdFloor(floor, cti, pauses, membership, clock),
                    new CallsInProgressFile(config.store().dataDir()), clock);
            jobs.add(new PauseKeeper(floor, pauses, membership, ami, keeper, clock, metrics));
            acd = ami;
        }
        SiteProblem siteProblem = SiteProblem.NONE;
        if (watcher != null) {
            SiteConfigCheck siteCheck = new SiteConfigCheck(vertx, watcher, layout);
            jobs.add(siteCheck);
            siteProblem = siteCheck;
        }

        Router router = Router.router(vertx);
        router.route().handler(new LoopTimer(metrics));
        SameOrigin.guard(router);
        commands.mount(router);
        new CtiRoutes(floor, access, cti, keeper, link, codec).mount(router);
        new ReportRoutes(vertx, floor, access, store, auditLog, clock).mount(router);
        new MoveRoutes(vertx, floor, layout, moveFile, access, keeper, link, audit, clock)
                .mount(router);
        new ShiftRoutes(vertx, floor, shiftRecords, handovers, access, keeper,
                new ShiftRecordPublisher(link, codec, keeper, site, floorId), audit, clock).mount(router);
        new RosterRoutes(vertx, floor, new RosterFile(config.store().dataDir()), access, audit, clock).mount(router);
        new ReviewRoutes(vertx, floor, store, access, clock).mount(router);
        new AgentRoutes(vertx, floor, access, new AgentFile(config.store().dataDir()), live, audit, clock).mount(router);
        new FloorRoutes(floor, figures, stream, new EventHistory(vertx, store), clock, siteProblem, access).mount(router);
        LeftoverRemoval leftovers = new LeftoverRemoval(link, new SessionEraser(vertx, linkSettings, link), site, floorId);
        new FleetRoutes(floor, cluster, access, keeper, link, leftovers::remove, audit, clock).mount(router);
        new OpsRoutes(floor, link, writer, stream, metrics, siteProblem, keeper, central, cluster, acd).mount(router);
        new StaticPages().mount(router);

        return tick.runNow().compose(first -> {
            jobs.forEach(job -> vertx.setPeriodic(job.periodMs(), id -> job.run()));
            server = vertx.createHttpServer(httpOptions());
            return server.requestHandler(router).listen();
        }).onSuccess(listening -> {
            String publicUrl = config.link().publicUrl();
            keeper.announceAt(publicUrl != null ? publicUrl : config.http().wallboardUrl(server.actualPort()));
            keeper.onPrimary(occasion -> { // taking the floor, or back on the broker: make seats and floor agree
                configs.publishAll();
                cti.sendOwed(); // what a standby kept: the old primary may have died before it forwarded them
                if (occasion == PrimaryDuties.Occasion.TOOK_LEASE) {
                    updater.startRollCall();
                    movesOut.publish(layout.moves()); // the floor's moves are now this gateway's
                }
            });
            keeper.onRecovery(updater::linkCameBack);
            link.start(ingest, keeper, configs, partnerFill, updater::partnerAsked);
            if (ami != null) {
                ami.start();
            }
        });
    }

    private HttpServerOptions httpOptions() {
        HttpServerOptions options = new HttpServerOptions().setHost(config.http().host()).setPort(config.http().port())
                // a client that stops reading fills 64 KB, not megabytes of kernel memory, and is set aside
                .setSendBufferSize(SEND_BUFFER_BYTES)
                // a request left half-sent, or a connection left open and silent, is closed
                .setIdleTimeout(IDLE_TIMEOUT_S);
        if (config.http().https() != null) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(config.http().https().cert().toString()).setKeyPath(config.http().https().key().toString()));
        }
        return options;
    }

    int httpPort() {
        return server.actualPort();
    }

    @Override
    public Future<?> stop() {
        stream.closeAll();
        Future<Void> amiClosed = ami == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
            ami.close(); // logs off and waits for its thread: not on the loop
            return null;
        });
        return amiClosed.compose(v -> keeper.close())
                .compose(v -> link.close())
                .compose(v -> nats == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
                    nats.close();
                    return null;
                }))
                .compose(v -> vertx.executeBlocking(() -> {
                    writer.close();
                    return null;
                }))
                .compose(v -> server == null ? Future.succeededFuture() : server.close());
    }
}
