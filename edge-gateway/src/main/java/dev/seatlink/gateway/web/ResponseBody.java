package dev.seatlink.gateway.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A response body written in pieces of at most {@value #PIECE} bytes: {@code /api/floor} at 10,000 seats is
 * 2.6 MB, and as one array it was a "humongous" allocation for G1 that set off a garbage collection cycle
 * on nearly every request. A body that fits in one piece is sent whole, with its length.
 */
final class ResponseBody extends OutputStream {
    static final int PIECE = 64 * 1024;

    private final HttpServerResponse response;
    private byte[] piece = new byte[PIECE];
    private int used;

    ResponseBody(HttpServerResponse response) {
        this.response = response;
    }

    @Override
    public void write(int b) {
        if (used == PIECE) {
            sendPiece();
        }
        piece[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            if (used == PIECE) {
                sendPiece();
            }
            int n = Math.min(length, PIECE - used);
            System.arraycopy(bytes, offset, piece, used, n);
            used += n;
            offset += n;
            length -= n;
        }
    }

    private void sendPiece() {
        if (!response.isChunked()) {
            response.setChunked(true);
        }
        response.write(Buffer.buffer(piece));
        piece = new byte[PIECE];
        used = 0;
    }

    /** Ends the response with what is left. */
    @Override
    public void close() {
        response.end(Buffer.buffer(Arrays.copyOf(piece, used)));
    }
}
