package com.positionlab.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.service.Json;

/**
 * Raw HTTP/1.1 over a socket to 127.0.0.1, for requests no well-behaved client would send: broken request
 * lines, bad chunking, stalled bodies.
 */
final class RawHttp {

    /** The first answer read from a connection: status line code, headers as text, body parsed as JSON. */
    record Answer(int status, String head, String body) {

        JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private RawHttp() {
    }

    static Socket connect(int port) {
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            s.setSoTimeout(5000);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code request} (ISO-8859-1) on a new connection and reads until the server closes or 5 s pass. */
    static Answer exchange(int port, String request) {
        try (Socket s = connect(port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return parse(readAll(s.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the server sends until it closes the connection, or what came before the read timeout. */
    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            if (out.size() == 0) {
                throw e;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static Answer parse(String raw) {
        int split = raw.indexOf("\r\n\r\n");
        if (!raw.startsWith("HTTP/1.1 ") || split < 0) {
            throw new AssertionError("not an HTTP answer: " + raw);
        }
        int status = Integer.parseInt(raw.substring(9, 12));
        return new Answer(status, raw.substring(0, split), raw.substring(split + 4));
    }

    /** A GET of {@code path} with a correct Host header, closing the connection after the answer. */
    static String get(int port, String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
    }
}
