package dev.seatlink.gateway.acd.sim;

import dev.seatlink.gateway.access.CredentialFiles;
import dev.seatlink.link.Credentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An Asterisk manager interface (AMI) in this JVM, on 127.0.0.1 and a free (or given) port, for the tests, the demo
 * and {@code bench cti}, where no PBX is at hand. It speaks from the frames of {@code src/main/resources/ami/asterisk20.txt}
 * (where they come from is said there): the banner, MD5 challenge
 * login, {@code CoreSettings}, {@code QueueStatus} from its member table, {@code QueuePause} (every queue of the
 * interface, each echoed with a {@code QueueMemberPause} unless told not to), {@code Ping}, {@code Logoff}; anything
 * else is answered as Asterisk answers an unknown action. A test plays the queue's events with {@link #emit};
 * {@link CallPlayer} plays a queue's calls.
 */
public final class SimulatedAsterisk implements AutoCloseable {
    public static final String USER = "seatlink";
    public static final String SECRET = "s3cret-ami";
    private static final String CHALLENGE = "840415273";

    /** A queue member: its queues and its pause (the same in each, as a QueuePause without Queue leaves it). */
    private static final class Member {
        final String name;
        final List<String> queues;
        boolean paused;
        String reason = "";
        /** Between its AgentConnect and AgentComplete: QueueStatus says {@code InCall: 1}. */
        volatile boolean inCall;

        Member(String name, List<String> queues) {
            this.name = name;
            this.queues = new CopyOnWriteArrayList<>(queues);
        }
    }

    private final Map<String, String> frames;
    private volatile ServerSocket server;
    private final int port;
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();
    private volatile boolean echoPauses = true;
    private volatile boolean closed;
    private int n;
    /** Per member and call, the leg of the ring going on now; gone when it ends. */
    private final Map<String, String> legs = new HashMap<>();

    public SimulatedAsterisk() {
        this(0);
    }

    /** Listens on {@code port} of 127.0.0.1 (0: a free one). */
    public SimulatedAsterisk(int port) {
        this.frames = frames();
        this.server = listen(port);
        this.port = server.getLocalPort();
        startAccepting();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startAccepting() {
        Thread acceptor = new Thread(this::accept, "scripted-ami");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return port;
    }

    /**
     * Listens again on the same port after {@link #close}, as an Asterisk that restarted: every pause and every call
     * is gone.
     */
    public synchronized void reopen() {
        members.values().forEach(m -> {
            m.paused = false;
            m.reason = "";
            m.inCall = false;
        });
        closed = false;
        server = listen(port);
        startAccepting();
    }

    /** Writes this AMI's login where the gateway's {@code --ami-credentials} reads it (mode 600). */
    public static void writeLogin(Path file) throws IOException {
        CredentialFiles.write(file, new Credentials(USER, SECRET).text());
    }

    /** Adds {@code iface} (e.g. PJSIP/1007) to {@code queues}, unpaused. */
    public SimulatedAsterisk member(String iface, String name, String... queues) {
        members.put(iface, new Member(name, List.of(queues)));
        return this;
    }

    /** Whether QueuePause is echoed with QueueMemberPause events (an ACD that stays silent when false). */
    public void echoPauses(boolean echo) {
        echoPauses = echo;
    }

    /** The member's pause as this ACD holds it: null unpaused, else its reason ("" for none). */
    public String pauseOf(String iface) {
        Member m = members.get(iface);
        return m == null || !m.paused ? null : m.reason;
    }

    /** The members, as their interfaces. */
    public List<String> members() {
        return List.copyOf(members.keySet());
    }

    /** Whether a member may be offered a call: in a queue and not paused. */
    public boolean available(String iface) {
        Member m = members.get(iface);
        return m != null && !m.paused && !m.queues.isEmpty();
    }

    /** The queues a member is in now. */
    public List<String> queuesOf(String iface) {
        Member m = members.get(iface);
        return m == null ? List.of() : List.copyOf(m.queues);
    }

    /** Every action received, its keys lowercased, in order. */
    public List<Map<String, String>> actions() {
        return List.copyOf(actions);
    }

    public List<Map<String, String>> actions(String name) {
        return actions.stream().filter(a -> name.equalsIgnoreCase(a.get("action"))).toList();
    }

    public int sessions() {
        return (int) sessions.stream().filter(s -> s.loggedIn).count();
    }

    /** Plays a queue event for a member's call to every logged-in session, e.g. emit("AgentConnect", iface, "1764.42"). */
    public synchronized void emit(String frame, String iface, String uniqueId) {
        Member m = members.get(iface);
        if (m != null && ("AgentConnect".equals(frame) || "AgentComplete".equals(frame))) {
            m.inCall = "AgentConnect".equals(frame);
        }
        String queue = m == null || m.queues.isEmpty() ? "support" : m.queues.get(0);
        // the member's leg of the call (DestUniqueid): a channel of its own for every ring, as Asterisk makes
        String ring = iface + ' ' + uniqueId;
        if ("AgentCalled".equals(frame) || !legs.containsKey(ring)) {
            legs.put(ring, uniqueId + "." + ++n);
        }
        String leg = "AgentComplete".equals(frame) || "AgentRingNoAnswer".equals(frame) ? legs.remove(ring)
                : legs.get(ring);
        broadcast(fill(frame, Map.of("interface", iface, "member", m == null ? iface : m.name, "queue", queue,
                "uniqueid", uniqueId, "leg", leg, "n", String.valueOf(n))));
    }

    /** Changes a member's pause as someone at the PBX would (a phone's feature code), with its events. */
    public void pauseFromThePbx(String iface, boolean paused, String reason) {
        pause(iface, paused, reason, true);
    }

    /** Drops every connection, as a restarting Asterisk does; the clients may log in again. */
    public void dropAll() {
        sessions.forEach(Session::close);
    }

    private void accept() {
        ServerSocket listening = server;
        while (!closed) {
            try {
                Socket socket = listening.accept();
                socket.setTcpNoDelay(true); // a frame goes out when written, as Asterisk's manager sends it
                Session session = new Session(socket);
                sessions.add(session);
                Thread reader = new Thread(session::run, "scripted-ami-session");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void broadcast(String frame) {
        sessions.stream().filter(s -> s.loggedIn).forEach(s -> s.send(frame));
    }

    private synchronized boolean pause(String iface, boolean paused, String reason, boolean echo) {
        Member m = members.get(iface);
        if (m == null) {
            return false;
        }
        m.paused = paused;
        m.reason = paused && reason != null ? reason : "";
        if (echo) {
            for (String queue : m.queues) { // Asterisk reports a pause once per queue
                broadcast(fill("QueueMemberPause", Map.of("queue", queue, "member", m.name, "interface", iface,
                        "paused", paused ? "1" : "0", "reason", m.reason)));
            }
        }
        return true;
    }

    /** Adds a known member to a queue or removes it from one, with Asterisk's event; false when nothing changed. */
    private synchronized boolean membership(String iface, String queue, boolean add) {
        Member m = members.get(iface);
        if (m == null || queue == null || add == m.queues.contains(queue)) {
            return false;
        }
        if (add) {
            m.queues.add(queue);
            m.paused = false;
            m.reason = "";
        } else {
            m.queues.remove(queue);
        }
        broadcast(fill(add ? "QueueMemberAdded" : "QueueMemberRemoved", Map.of("queue", queue, "member", m.name,
                "interface", iface)));
        return true;
    }

    private final class Session {
        private final Socket socket;
        private OutputStream out;
        volatile boolean loggedIn;

        Session(Socket socket) {
            this.socket = socket;
        }

        void run() {
            try (socket; InputStream in = socket.getInputStream()) {
                out = socket.getOutputStream();
                sendRaw(frames.get("Banner").strip() + "\r\n");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> action = new LinkedHashMap<>();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (!action.isEmpty()) {
                            answer(action);
                            action = new LinkedHashMap<>();
                        }
                        continue;
                    }
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        action.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                    }
                }
            } catch (IOException e) {
                // the client went, or the test dropped it
            } finally {
                loggedIn = false;
                sessions.remove(this);
            }
        }

        private void answer(Map<String, String> action) {
            actions.add(Map.copyOf(action));
            String id = action.getOrDefault("actionid", "");
            String name = action.getOrDefault("action", "").toLowerCase(Locale.ROOT);
            switch (name) {
                case "challenge" -> send(fill("ChallengeResponse", Map.of("actionid", id)));
                case "login" -> {
                    boolean ok = USER.equals(action.get("username"))
                            && md5(CHALLENGE + SECRET).equalsIgnoreCase(action.getOrDefault("key", ""));
                    send(fill(ok ? "LoginAccepted" : "LoginRefused", Map.of("actionid", id)));
                    if (ok) {
                        loggedIn = true;
                        send(fill("FullyBooted", Map.of()));
                    }
                }
                case "coresettings" -> send(fill("CoreSettings", Map.of("actionid", id)));
                case "queuestatus" -> queueStatus(id);
                case "queuepause" -> {
                    boolean paused = "true".equalsIgnoreCase(action.get("paused")) || "1".equals(action.get("paused"));
                    boolean known = pause(action.get("interface"), paused, action.get("reason"), echoPauses);
                    send(fill(known ? "QueuePauseDone" : "QueuePauseUnknown", Map.of("actionid", id)));
                }
                case "queueadd", "queueremove" -> {
                    boolean done = membership(action.get("interface"), action.get("queue"), "queueadd".equals(name));
                    send(fill(done ? "QueueMemberDone" : "QueueMemberRefused", Map.of("actionid", id)));
                }
                case "ping" -> send(fill("Pong", Map.of("actionid", id)));
                case "logoff" -> {
                    send(fill("Goodbye", Map.of("actionid", id)));
                    close();
                }
                default -> send(fill("UnknownAction", Map.of("actionid", id)));
            }
        }

        private void queueStatus(String id) {
            StringBuilder all = new StringBuilder(fill("QueueStatusStart", Map.of("actionid", id)));
            int items = 0;
            List<String> queues = new ArrayList<>();
            members.values().forEach(m -> m.queues.stream().filter(q -> !queues.contains(q)).forEach(queues::add));
            for (String queue : queues) {
                all.append(fill("QueueParams", Map.of("queue", queue, "actionid", id)));
                items++;
                for (Map.Entry<String, Member> e : members.entrySet()) {
                    Member m = e.getValue();
                    if (m.queues.contains(queue)) {
                        all.append(fill("QueueMember", Map.of("queue", queue, "member", m.name, "interface", e.getKey(),
                                "paused", m.paused ? "1" : "0", "reason", m.reason, "incall", m.inCall ? "1" : "0",
                                "actionid", id)));
                        items++;
                    }
                }
            }
            all.append(fill("QueueStatusComplete", Map.of("actionid", id, "items", String.valueOf(items))));
            send(all.toString());
        }

        synchronized void send(String frame) {
            sendRaw(frame);
        }

        private synchronized void sendRaw(String text) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException | RuntimeException e) {
                close();
            }
        }

        void close() {
            loggedIn = false;
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    /** A frame of the transcript with its placeholders filled, as CRLF lines ending in an empty line. */
    private String fill(String frame, Map<String, String> values) {
        String text = frames.get(frame);
        if (text == null) {
            throw new IllegalArgumentException("no frame " + frame + " in ami/asterisk20.txt");
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("{" + v.getKey() + "}", v.getValue());
        }
        return String.join("\r\n", text.strip().lines().toList()) + "\r\n\r\n";
    }

    private static Map<String, String> frames() {
        try (InputStream in = SimulatedAsterisk.class.getResourceAsStream("/ami/asterisk20.txt")) {
            Map<String, String> frames = new LinkedHashMap<>();
            String name = null;
            StringBuilder body = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("=== ")) {
                    if (name != null) {
                        frames.put(name, body.toString());
                    }
                    name = line.substring(4).trim();
                    body.setLength(0);
                } else if (name != null && !line.isEmpty()) {
                    body.append(line).append('\n');
                }
            }
            frames.put(name, body.toString());
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        dropAll();
    }
}
