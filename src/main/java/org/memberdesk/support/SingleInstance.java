package org.memberdesk.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.memberdesk.db.DatabaseLock;

/**
 * One window per database. The first start takes the {@link DatabaseLock} and listens on a
 * loopback port written into the lock file; a second start on the same database finds the lock
 * taken, asks that port to bring the window forward, and stops. When nobody answers (the first
 * process hangs) the second start is told the file is in use and must not open it.
 */
public final class SingleInstance {
    private static final Logger LOG = Logger.getLogger(SingleInstance.class.getName());
    private static final String SHOW = "show";
    private static final String OK = "ok";
    private static final int ANSWER_TIMEOUT_MS = 3_000;

    private SingleInstance() {
    }

    /** What a start found: it owns the database now, or another window has it. */
    public sealed interface Claim permits Owner, OpenElsewhere {
    }

    /** Another MemberDesk window has the database; {@code broughtForward} when it answered. */
    public record OpenElsewhere(Path database, boolean broughtForward) implements Claim {
    }

    /** This process owns the database until {@link #close()} (or until it ends, however it ends). */
    public static final class Owner implements Claim, AutoCloseable {
        private final DatabaseLock lock;
        private final ServerSocket server;
        private volatile Runnable showRequest = () -> { };

        private Owner(DatabaseLock lock, ServerSocket server) {
            this.lock = lock;
            this.server = server;
            Thread listener = new Thread(this::listen, "memberdesk-single-instance");
            listener.setDaemon(true);
            listener.start();
        }

        /** What to do when a second start asks for the window (runs on a background thread). */
        public void onShowRequest(Runnable action) {
            this.showRequest = action;
        }

        private void listen() {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    client.setSoTimeout(ANSWER_TIMEOUT_MS);
                    String line = new BufferedReader(new InputStreamReader(client.getInputStream(),
                            StandardCharsets.UTF_8)).readLine();
                    if (SHOW.equals(line)) {
                        showRequest.run();
                        OutputStream out = client.getOutputStream();
                        out.write((OK + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException | RuntimeException e) {
                    if (!server.isClosed()) {
                        LOG.log(Level.FINE, "a second start could not be answered", e);
                    }
                }
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException e) {
                // the lock below is what matters
            }
            lock.close();
        }
    }

    /** Claims {@code database} for this process's window. */
    public static Claim claim(Path database) {
        Optional<DatabaseLock> lock = DatabaseLock.tryAcquire(database);
        if (lock.isEmpty()) {
            return new OpenElsewhere(database, askToShow(database));
        }
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
            lock.get().writeNote("port=" + server.getLocalPort() + "\npid=" + ProcessHandle.current().pid() + "\n");
            return new Owner(lock.get(), server);
        } catch (IOException e) {
            lock.get().close();
            throw new org.memberdesk.db.DataException("Cannot listen for a second start: " + e.getMessage(), e);
        }
    }

    private static boolean askToShow(Path database) {
        Optional<Integer> port = DatabaseLock.readNote(database).flatMap(SingleInstance::port);
        if (port.isEmpty()) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port.get()), ANSWER_TIMEOUT_MS);
            socket.setSoTimeout(ANSWER_TIMEOUT_MS);
            socket.getOutputStream().write((SHOW + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            return OK.equals(answer);
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    static Optional<Integer> port(String note) {
        for (String line : note.split("\\R")) {
            if (line.startsWith("port=")) {
                try {
                    return Optional.of(Integer.parseInt(line.substring(5).strip()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
