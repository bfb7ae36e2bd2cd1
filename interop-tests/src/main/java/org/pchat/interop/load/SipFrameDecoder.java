package org.pchat.interop.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames SIP messages on a stream connection (RFC 3261 §18.3): the header block up to the empty line, then
 * Content-Length bytes of body. CRLF keep-alives between messages (RFC 5626 §3.5.1) are skipped. One decoder
 * per connection.
 */
final class SipFrameDecoder extends ByteToMessageDecoder {
    private final int maxMessageBytes;

    SipFrameDecoder(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable() && (in.getByte(in.readerIndex()) == '\r' || in.getByte(in.readerIndex()) == '\n')) {
            in.skipBytes(1);
        }
        int start = in.readerIndex();
        int end = headerEnd(in);
        if (end < 0) {
            if (in.readableBytes() > maxMessageBytes) {
                throw new TooLongFrameException("SIP header block over " + maxMessageBytes + " bytes from "
                        + ctx.channel().remoteAddress());
            }
            return;
        }
        String head = in.toString(start, end - start, StandardCharsets.UTF_8);
        String[] lines = head.split("\r\n");
        List<SipMessage.Header> headers = new ArrayList<>(lines.length);
        int contentLength = 0;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                SipMessage.Header last = headers.remove(headers.size() - 1);
                headers.add(new SipMessage.Header(last.name(), last.value() + " " + line.trim()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new CorruptedFrameException("SIP header line without a colon: '" + line + "'");
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length") || name.equals("l")) {
                contentLength = Integer.parseInt(value);
            }
            headers.add(new SipMessage.Header(name, value));
        }
        int bodyStart = end + 4;
        if (contentLength > maxMessageBytes) {
            throw new TooLongFrameException("SIP body of " + contentLength + " bytes over " + maxMessageBytes);
        }
        if (in.writerIndex() - bodyStart < contentLength) {
            return;
        }
        String body = in.toString(bodyStart, contentLength, StandardCharsets.UTF_8);
        in.readerIndex(bodyStart + contentLength);
        out.add(new SipMessage(lines[0], headers, body));
    }

    private static int headerEnd(ByteBuf in) {
        int last = in.writerIndex() - 3;
        for (int i = in.readerIndex(); i < last; i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r'
                    && in.getByte(i + 3) == '\n') {
                return i;
            }
        }
        return -1;
    }
}
