import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server for `scripts/demo --daemon`: accepts every message on 127.0.0.1 and
 * writes it to MAILDIR as NNN-recipient.eml, so the newsletter can be seen without a mail server.
 *
 * Usage: java SmtpSink.java PORT MAILDIR
 */
public class SmtpSink {
  private static final AtomicInteger COUNT = new AtomicInteger();

  public static void main(String[] args) throws IOException {
    Path dir = Files.createDirectories(Path.of(args[1]));
    try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
      while (true) {
        Socket s = server.accept();
        new Thread(() -> session(s, dir)).start();
      }
    }
  }

  private static void session(Socket s, Path dir) {
    try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream()) {
      reply(out, "220 veille-demo SMTP sink");
      String rcpt = "unknown";
      for (String line; (line = in.readLine()) != null; ) {
        String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (cmd) {
          case "EHLO", "HELO" -> reply(out, "250 veille-demo");
          case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
          case "RCPT" -> {
            rcpt = line.replaceAll("(?i).*<([^>]*)>.*", "$1");
            reply(out, "250 OK");
          }
          case "DATA" -> {
            reply(out, "354 end with <CRLF>.<CRLF>");
            StringBuilder msg = new StringBuilder();
            for (String l; (l = in.readLine()) != null && !l.equals("."); ) {
              msg.append(l.startsWith("..") ? l.substring(1) : l).append("\r\n");
            }
            Path file = dir.resolve(String.format("%03d-%s.eml", COUNT.incrementAndGet(), rcpt.replaceAll("[^A-Za-z0-9@._-]", "_")));
            Files.writeString(file, msg, StandardCharsets.UTF_8);
            System.out.println("demo SMTP: message for " + rcpt + " -> " + file);
            reply(out, "250 OK queued");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
