package cn.gongkai.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A blocking HTTP/1.1 client for one thread: one kept-alive connection to 127.0.0.1, GET only, bodies by
 * {@code Content-Length} or chunked. The benchmark's clients run on the same two cores as the application, and
 * {@code java.net.http.HttpClient} (a selector thread and a worker pool per client, futures for every exchange)
 * took about 8 % of the machine's CPU while the API was measured, a cost raw Lucene does not pay; this one reads
 * and writes the socket in the calling thread (docs/benchmarks.md).
 */
final class KeepAliveHttp implements AutoCloseable {

    /** A status and a body, as text. */
    record Response(int status, String body) {
    }

    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveHttp(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** GET {@code path}; a connection the server closed meanwhile is opened again once (a GET may be repeated). */
    Response get(String path, String accept) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(path, accept);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            return exchange(path, accept);
        }
    }

    private Response exchange(String path, String accept) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 65_536);
            out = socket.getOutputStream();
        }
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: " + accept
                + "\r\nAccept-Charset: utf-8\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before the status line");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                copy(size, body);
                line();
            }
            for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
        } else if (length >= 0) {
            copy(length, body);
        } else if (status != 204 && status != 304) {
            in.transferTo(body);
            closes = true;
        }
        if (closes) {
            close();
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private long chunkSize() throws IOException {
        String size = line();
        if (size == null) {
            throw new IOException("connection closed in a chunked body");
        }
        int semicolon = size.indexOf(';');
        return Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
    }

    private void copy(long n, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        while (n > 0) {
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
            if (r < 0) {
                throw new IOException("connection closed in the body");
            }
            to.write(buffer, 0, r);
            n -= r;
        }
    }

    /** A header line without its CRLF; null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = s.length();
                return end > 0 && s.charAt(end - 1) == '\r' ? s.substring(0, end - 1) : s.toString();
            }
            s.append((char) c);
        }
        return s.isEmpty() ? null : s.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
