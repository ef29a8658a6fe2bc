package dev.seatlink.gateway.acd;

import dev.seatlink.gateway.GatewayConfig;
import dev.seatlink.gateway.floor.FloorClock;
import dev.seatlink.protocol.CallEventType;
import dev.seatlink.protocol.CtiEvent;
import dev.seatlink.protocol.Ids;
import dev.seatlink.protocol.ProtocolViolation;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueMemberAddedEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.QueueMemberRemovedEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.tinylog.Logger;

/**
 * The Asterisk manager interface (AMI) through asterisk-java. Everything that talks to Asterisk — login, the
 * queue status read, pause actions, translating events — runs on the link's own thread, so the event loop never
 * waits on the phone system; what the floor must hear goes to it through {@link AcdListener} on its context.
 *
 * <p>The first login is retried with backoff (1 s doubling to 30 s, jittered) until it succeeds; after that a
 * dropped connection is re-established by asterisk-java itself (fast at first, then every 5 s), and every
 * (re)connect reads the members' pauses again ({@code QueueStatus}) before anything else, so the floor reconciles
 * from what the ACD holds. The password is never logged.
 */
public final class AmiLink implements AcdLink, AutoCloseable {
    static final long FIRST_RETRY_MS = 1_000;
    static final long MAX_RETRY_MS = 30_000;
    static final long ACTION_TIMEOUT_MS = 5_000;
    /** A {@code QueueStatus} answer lists every member of every queue; more than this is not a phone system's. */
    static final int MAX_STATUS_EVENTS = 100_000;
    /** When queues disagree on a member's pause: matches no seat's wanted pause, so it is set again. */
    static final String MIXED = "mixed-queues";
    /** The calls in progress are written at most this often: a busy floor answers and ends several calls a second. */
    static final long SAVE_CALLS_MS = 1_000;

    private final GatewayConfig.Acd settings;
    private final Context floor;
    private final AcdListener listener;
    private final FloorClock clock;
    private final ScheduledExecutorService thread;
    private final AmiTranslator translator;
    private final CallsInProgress calls;
    private boolean saveDue;
    private boolean resumed;
    private ManagerConnection connection;
    private long retryMs = FIRST_RETRY_MS;
    private volatile String status = "CONNECTING";
    private volatile boolean closed;

    public AmiLink(GatewayConfig.Acd settings, Context floor, AcdListener listener, CallsInProgress calls,
                   FloorClock clock) {
        this.settings = settings;
        this.calls = calls;
        this.floor = floor;
        this.listener = listener;
        this.clock = clock;
        this.translator = new AmiTranslator(clock.millis());
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ami-link");
            t.setDaemon(true);
            return t;
        });
    }

    /** Reads the calls in progress the gateway kept before it restarted, then logs in; returns at once. */
    public void start() {
        onLinkThread(() -> {
            Map<String, CallsInProgress.CallInProgress> kept = calls.load();
            if (!kept.isEmpty()) {
                Logger.info("{} call(s) were in progress when the gateway stopped: ended at their seats if Asterisk "
                        + "says their members are in no call now", kept.size());
            }
            translator.resume(kept);
            resumed = true;
            login();
        });
    }

    @Override
    public void pause(MemberPause pause) {
        onLinkThread(() -> {
            if (connection == null || connection.getState() != ManagerConnectionState.CONNECTED) {
                return;
            }
            QueuePauseAction action = new QueuePauseAction(pause.member(), pause.paused()); // no Queue: all of them
            if (pause.paused() && pause.reason() != null) {
                action.setReason(pause.reason());
            }
            try {
                // answered on asterisk-java's reader thread: the link thread never waits on a round trip, so the
                // queue's events are never held up behind pauses
                connection.sendAction(action, response -> {
                    if (response instanceof ManagerError) {
                        Logger.warn("Asterisk refused QueuePause {} for {}: {}", pause.paused(), pause.member(),
                                response.getMessage());
                    }
                });
            } catch (Exception e) {
                Logger.warn("QueuePause for {} not sent: {}", pause.member(), e.getMessage());
            }
        });
    }

    @Override
    public void member(String member, boolean add, Set<String> queues) {
        onLinkThread(() -> {
            if (connection == null || connection.getState() != ManagerConnectionState.CONNECTED) {
                return;
            }
            for (String queue : queues) {
                try {
                    connection.sendAction(add ? new QueueAddAction(queue, member) : new QueueRemoveAction(queue, member),
                            response -> {
                                if (response instanceof ManagerError) {
                                    Logger.warn("Asterisk refused {} {} {} queue {}: {}", add ? "adding" : "removing",
                                            member, add ? "to" : "from", queue, response.getMessage());
                                }
                            });
                } catch (Exception e) {
                    Logger.warn("{} for {} not sent: {}", add ? "QueueAdd" : "QueueRemove", member, e.getMessage());
                }
            }
        });
    }

    @Override
    public String status() {
        return status;
    }

    @Override
    public boolean isUp() {
        return "UP".equals(status);
    }

    private void login() {
        if (closed) {
            return;
        }
        ManagerConnection attempt = new ManagerConnectionFactory(settings.host(), settings.port(), settings.username(),
                settings.password()).createManagerConnection();
        attempt.addEventListener(this::heard);
        try {
            attempt.login();
            connection = attempt;
            retryMs = FIRST_RETRY_MS;
            Logger.info("logged in to Asterisk's AMI at {}:{} as {}", settings.host(), settings.port(),
                    settings.username()); // its ConnectEvent, queued behind this, reads the queue members
        } catch (Exception e) {
            attempt.logoff();
            String why = describe(e);
            down(why);
            long delay = retryMs / 2 + ThreadLocalRandom.current().nextLong(retryMs / 2 + 1);
            Logger.warn("cannot log in to Asterisk's AMI at {}:{}: {}; trying again in {} ms", settings.host(),
                    settings.port(), why, delay);
            retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
            schedule(this::login, delay);
        }
    }

    /** Reads every member's pause and queues, and tells the floor; after each (re)connect, before any event. */
    private void reconcile() {
        try {
            ResponseEvents answer = connection.sendEventGeneratingAction(new QueueStatusAction(), ACTION_TIMEOUT_MS);
            Map<String, List<QueueMemberEvent>> byMember = new LinkedHashMap<>();
            int seen = 0;
            for (ResponseEvent event : answer.getEvents()) {
                String name = event instanceof QueueMemberEvent member ? memberOf(member) : null;
                if (name != null && ++seen <= MAX_STATUS_EVENTS) {
                    byMember.computeIfAbsent(name, i -> new ArrayList<>()).add((QueueMemberEvent) event);
                }
            }
            List<MemberPause> pauses = new ArrayList<>();
            Map<String, Set<String>> queues = new HashMap<>();
            Set<String> notInACall = new HashSet<>();
            byMember.forEach((member, rows) -> {
                pauses.add(pauseOf(member, rows));
                queues.put(member, rows.stream().map(QueueMemberEvent::getQueue).collect(java.util.stream.Collectors.toSet()));
                if (rows.stream().allMatch(r -> Integer.valueOf(0).equals(r.getIncall()))) {
                    notInACall.add(member);
                }
            });
            List<CtiEvent> ended = translator.reconciled(pauses, queues, notInACall, clock.millis());
            if (!ended.isEmpty()) {
                saveCallsSoon();
            }
            status = "UP";
            List<MemberPause> held = List.copyOf(pauses);
            Map<String, Set<String>> in = Map.copyOf(queues);
            floor.runOnContext(v -> listener.connected(held, in));
            if (!ended.isEmpty()) {
                Logger.warn("{} call(s) ended while the AMI link was down (Asterisk says their members are in no call "
                        + "now), e.g. {} at {}: ended at their seats", ended.size(), Ids.printable(ended.get(0).callId()),
                        Ids.printable(ended.get(0).agent()));
            }
            ended.forEach(call -> floor.runOnContext(v -> listener.event(call)));
        } catch (Exception e) {
            Logger.warn("cannot read Asterisk's queue members: {}; the link is dropped and tried again", describe(e));
            down("queue status not read: " + describe(e));
            connection.logoff();
            connection = null;
            schedule(this::login, FIRST_RETRY_MS);
        }
    }

    /** Asterisk 12+ names a status row's member by {@code Location}; some versions by {@code Interface}. */
    private static String memberOf(QueueMemberEvent row) {
        return row.getLocation() != null ? row.getLocation() : row.getInterface();
    }

    /** A member in several queues: paused only if every queue says so, for one reason; else {@value #MIXED}. */
    private static MemberPause pauseOf(String member, List<QueueMemberEvent> rows) {
        boolean allPaused = rows.stream().allMatch(r -> Boolean.TRUE.equals(r.getPaused()));
        boolean nonePaused = rows.stream().noneMatch(r -> Boolean.TRUE.equals(r.getPaused()));
        if (nonePaused) {
            return MemberPause.unpaused(member);
        }
        java.util.Set<String> reasons = new java.util.HashSet<>();
        rows.forEach(r -> reasons.add(r.getPausedreason() == null || r.getPausedreason().isBlank() ? ""
                : r.getPausedreason()));
        if (!allPaused || reasons.size() > 1) {
            return new MemberPause(member, true, MIXED);
        }
        String reason = reasons.iterator().next();
        return new MemberPause(member, true, reason.isEmpty() ? null : reason);
    }

    /** asterisk-java's dispatch thread: handed to the link thread, so events keep their order with the rest. */
    private void heard(ManagerEvent event) {
        onLinkThread(() -> {
            if (event instanceof ConnectEvent) {
                if (connection != null) { // the first login's, or asterisk-java's own reconnect's
                    reconcile();
                }
            } else if (event instanceof DisconnectEvent) {
                down("the AMI connection dropped");
            } else {
                translate(event);
            }
        });
    }

    private void translate(ManagerEvent event) {
        if (event instanceof QueueMemberAddedEvent added && added.getInterface() != null && added.getQueue() != null) {
            boolean paused = Boolean.TRUE.equals(added.getPaused());
            floor.runOnContext(v -> listener.membership(added.getInterface(), added.getQueue(), true, paused));
        } else if (event instanceof QueueMemberRemovedEvent removed && removed.getInterface() != null
                && removed.getQueue() != null) {
            floor.runOnContext(v -> listener.membership(removed.getInterface(), removed.getQueue(), false, false));
        }
        Optional<CtiEvent> cti;
        try {
            cti = translator.translate(event, clock.millis());
        } catch (ProtocolViolation e) {
            Logger.warn("ignored an AMI {} event: {}", event.getClass().getSimpleName(), e.getMessage());
            return;
        }
        cti.ifPresent(e -> {
            if (e.type() == CallEventType.CALL_ANSWERED || e.type() == CallEventType.CALL_ENDED) {
                saveCallsSoon();
            }
            floor.runOnContext(v -> listener.event(e));
        });
    }

    private void saveCallsSoon() {
        if (!saveDue) {
            saveDue = true;
            schedule(() -> {
                saveDue = false;
                calls.save(translator.inProgress());
            }, SAVE_CALLS_MS);
        }
    }

    private void down(String why) {
        if (!status.startsWith("DOWN")) {
            Logger.warn("Asterisk's AMI link is down: {}", why);
        }
        status = "DOWN: " + why;
        floor.runOnContext(v -> listener.down(why));
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private void onLinkThread(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    Logger.error(e, "AMI link: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            Logger.debug("AMI link closed; dropped late work");
        }
    }

    private void schedule(Runnable task, long delayMs) {
        try {
            thread.schedule(() -> onLinkThread(task), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            Logger.debug("AMI link closed; not retrying");
        }
    }

    @Override
    public void close() {
        closed = true;
        onLinkThread(() -> {
            if (resumed) { // what changed in the last second, too; never an empty list over one not read yet
                calls.save(translator.inProgress());
            }
            if (connection != null) {
                connection.logoff();
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
