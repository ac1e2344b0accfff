package io.investcrm.faults.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A mail server for the process drills: speaks just enough SMTP for the app's mailer and keeps the {@code Message-ID}
 * of every message it accepted, so a drill counts deliveries as the receiving side sees them.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> messageIds = new ArrayList<>();
    private final Thread acceptor;

    SmtpSink() throws IOException {
        server = new ServerSocket(0);
        acceptor = new Thread(this::acceptLoop, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    synchronized List<String> messageIds() {
        return List.copyOf(messageIds);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> serve(s), "smtp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink");
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.toUpperCase(Locale.ROOT);
                if (cmd.startsWith("EHLO") || cmd.startsWith("HELO")) {
                    reply(out, "250 sink");
                } else if (cmd.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    String id = null;
                    String l;
                    while ((l = in.readLine()) != null && !l.equals(".")) {
                        if (id == null && l.toLowerCase(Locale.ROOT).startsWith("message-id:")) {
                            id = l.substring("message-id:".length()).trim();
                        }
                    }
                    synchronized (this) {
                        messageIds.add(id);
                    }
                    reply(out, "250 accepted");
                } else if (cmd.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client went away (a killed app): nothing to keep
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
