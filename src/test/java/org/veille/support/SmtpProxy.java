package org.veille.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a real SMTP server that misbehaves on demand: it refuses chosen
 * recipients with a given reply, or drops the connection once a number of messages went through (a
 * server that dies mid-run). Everything else passes through unchanged.
 */
public final class SmtpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int target;
  private final Map<String, String> refusals = new ConcurrentHashMap<>();
  private final AtomicInteger delivered = new AtomicInteger();
  private volatile int dropAfter = Integer.MAX_VALUE;

  public SmtpProxy(int targetPort) throws IOException {
    this.target = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "smtp-proxy");
    t.setDaemon(true);
    t.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Answers RCPT TO for {@code address} with {@code reply} (e.g. "550 5.1.1 no such user"). */
  public SmtpProxy refuse(String address, String reply) {
    refusals.put(address.toLowerCase(Locale.ROOT), reply);
    return this;
  }

  /** Lets {@code address} through again. */
  public SmtpProxy allow(String address) {
    refusals.remove(address.toLowerCase(Locale.ROOT));
    return this;
  }

  /** Drops every connection once {@code messages} messages in all went through; MAX to heal. */
  public SmtpProxy dropAfter(int messages) {
    dropAfter = messages;
    return this;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
        Thread down = new Thread(() -> pump(server, client), "smtp-proxy-down");
        down.setDaemon(true);
        down.start();
        Thread up = new Thread(() -> commands(client, server), "smtp-proxy-up");
        up.setDaemon(true);
        up.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // one side closed
    } finally {
      closeBoth(from, to);
    }
  }

  private void commands(Socket client, Socket server) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1))) {
      OutputStream toServer = server.getOutputStream();
      OutputStream toClient = client.getOutputStream();
      boolean data = false;
      for (String line; (line = in.readLine()) != null; ) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (!data && upper.startsWith("MAIL FROM") && delivered.get() >= dropAfter) {
          closeBoth(client, server);
          return;
        }
        if (!data && upper.startsWith("RCPT TO")) {
          String address = line.replaceAll("(?i).*<([^>]*)>.*", "$1").toLowerCase(Locale.ROOT);
          String reply = refusals.get(address);
          if (reply != null) {
            toClient.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            toClient.flush();
            continue;
          }
        }
        if (!data && upper.equals("DATA")) {
          data = true;
        } else if (data && line.equals(".")) {
          data = false;
          delivered.incrementAndGet();
        }
        toServer.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        toServer.flush();
      }
    } catch (IOException e) {
      // connection gone
    } finally {
      closeBoth(client, server);
    }
  }

  private static void closeBoth(Socket a, Socket b) {
    try {
      a.close();
    } catch (IOException e) {
      // closing
    }
    try {
      b.close();
    } catch (IOException e) {
      // closing
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
