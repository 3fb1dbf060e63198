package dev.custograph.graph;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.neo4j.bolt.BoltServer;
import org.neo4j.bolt.protocol.common.connector.Connector;
import org.neo4j.bolt.protocol.common.connector.connection.Connection;
import org.neo4j.bolt.protocol.common.connector.connection.listener.ConnectionListener;
import org.neo4j.bolt.protocol.common.connector.listener.ConnectorListener;

/**
 * Refuses Bolt over WebSocket from web pages of other origins. The Bolt port also speaks WebSocket, so that Neo4j
 * Browser (a page served by the HTTP connector) can reach it; without a check, any page open in a user's browser
 * could open that socket too. Neo4j 5 has no setting for this, so a handler goes first in every Bolt connection's
 * pipeline and reads the connection's first bytes:
 * <ul>
 *   <li>Bolt's own handshake (drivers, the app): passed on untouched;</li>
 *   <li>an HTTP request (the WebSocket upgrade): passed on only without an {@code Origin} header (a program, not a
 *       page) or with an allowed one (the HTTP connector's own pages); otherwise answered 403 and closed.</li>
 * </ul>
 * Either way the handler then leaves the pipeline, so it costs nothing after the first packet.
 */
final class BoltOriginCheck extends ByteToMessageDecoder {

    private static final int BOLT_MAGIC = 0x6060B017;
    /** Browsers send a few hundred bytes of upgrade headers; more than this is not a WebSocket upgrade. */
    private static final int MAX_REQUEST_HEAD = 16 * 1024;
    private static final byte[] FORBIDDEN = ("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 43\r\nConnection: close\r\n\r\n"
            + "this origin may not open a Bolt WebSocket\r\n").getBytes(StandardCharsets.US_ASCII);

    private final Set<String> allowedOrigins;

    private BoltOriginCheck(Set<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    /** Puts the check in front of every new connection of the Bolt server's connectors. */
    static void install(BoltServer server, Set<String> allowedOrigins) {
        Set<String> origins = Set.copyOf(allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
        ConnectionListener addCheck = new ConnectionListener() {
            @Override
            public void onNetworkPipelineInitialized(ChannelPipeline pipeline) {
                pipeline.addFirst("custograph-origin-check", new BoltOriginCheck(origins));
            }
        };
        for (Connector<?> connector : server.getConnectors()) {
            connector.registerListener(new ConnectorListener() {
                @Override
                public void onConnectionCreated(Connection connection) {
                    connection.registerListener(addCheck);
                }
            });
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        if (in.getInt(in.readerIndex()) == BOLT_MAGIC || in.getByte(in.readerIndex()) != 'G') {
            ctx.pipeline().remove(this);
            return;
        }
        int end = headEnd(in);
        if (end < 0) {
            if (in.readableBytes() > MAX_REQUEST_HEAD) {
                refuse(ctx, in);
            }
            return;
        }
        String origin = header(in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.ISO_8859_1),
                "origin");
        if (origin == null || allowedOrigins.contains(origin.toLowerCase(Locale.ROOT))) {
            ctx.pipeline().remove(this);
        } else {
            refuse(ctx, in);
        }
    }

    private static void refuse(ChannelHandlerContext ctx, ByteBuf in) {
        in.skipBytes(in.readableBytes());
        ctx.writeAndFlush(Unpooled.wrappedBuffer(FORBIDDEN)).addListener(ChannelFutureListener.CLOSE);
    }

    /** The index just past the blank line that ends the request head, or -1 if it has not all arrived. */
    private static int headEnd(ByteBuf in) {
        for (int i = in.readerIndex(); i + 3 < in.writerIndex(); i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r'
                    && in.getByte(i + 3) == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }
}
