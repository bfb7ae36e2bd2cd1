package org.pchat.interop.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Splits a client's inbound XMPP stream (RFC 6120 §4) into strings: the {@code <stream:stream …>} header (again
 * after every stream restart), each top-level element (a stanza, {@code <stream:features/>}, a SASL element) whole,
 * and {@code </stream:stream>}. It tracks only tag depth and quoted attribute values, which is all the load driver
 * needs to cut the stream; the user reads the few attributes and texts it looks at with {@link XmppStanza}. XML
 * declarations and whitespace between stanzas are dropped. One instance per connection.
 */
public final class XmppFrameDecoder extends ByteToMessageDecoder {
    private static final byte[] STREAM_TAG = "<stream:stream".getBytes(StandardCharsets.US_ASCII);

    private final int maxFrameBytes;
    /** 0 before the stream header, 1 inside the stream, more inside a stanza. */
    private int depth;
    /** Offsets from the reader index: where scanning goes on, where the open tag began (-1: none). */
    private int scanned;
    private int tagStart = -1;
    private byte quote;

    public XmppFrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes < 64) {
            throw new IllegalArgumentException("maxFrameBytes " + maxFrameBytes + " must be at least 64");
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int base = in.readerIndex();
        int end = in.writerIndex();
        int i = base + scanned;
        while (i < end) {
            if (i - base >= maxFrameBytes) {
                in.skipBytes(in.readableBytes());
                scanned = 0;
                tagStart = -1;
                quote = 0;
                throw new TooLongFrameException("XMPP element of more than " + maxFrameBytes + " bytes");
            }
            byte b = in.getByte(i);
            if (tagStart < 0) {
                if (b == '<') {
                    tagStart = i - base;
                } else if (depth <= 1) {
                    // text outside any stanza: whitespace keep-alives, nothing to keep
                    in.readerIndex(i + 1);
                    base = i + 1;
                }
                i++;
                continue;
            }
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (b == '"' || b == '\'') {
                quote = b;
                i++;
                continue;
            }
            if (b != '>') {
                i++;
                continue;
            }
            int tag = base + tagStart;
            tagStart = -1;
            byte second = in.getByte(tag + 1);
            boolean selfClosing = in.getByte(i - 1) == '/';
            if (second == '?' || second == '!') {
                if (depth <= 1) {
                    in.readerIndex(i + 1);
                    base = i + 1;
                }
            } else if (second == '/') {
                depth--;
                if (depth <= 1) {
                    out.add(in.toString(base, i + 1 - base, StandardCharsets.UTF_8));
                    in.readerIndex(i + 1);
                    base = i + 1;
                    depth = Math.max(depth, 0);
                }
            } else if (depth <= 1 && startsWith(in, tag, STREAM_TAG)) {
                // the header, or a new header after a stream restart (RFC 6120 §4.3.3)
                out.add(in.toString(tag, i + 1 - tag, StandardCharsets.UTF_8));
                in.readerIndex(i + 1);
                base = i + 1;
                depth = 1;
            } else if (depth == 1) {
                if (selfClosing) {
                    out.add(in.toString(tag, i + 1 - tag, StandardCharsets.UTF_8));
                    in.readerIndex(i + 1);
                    base = i + 1;
                } else {
                    in.readerIndex(tag);
                    base = tag;
                    depth = 2;
                }
            } else if (depth > 1 && !selfClosing) {
                depth++;
            }
            i++;
        }
        scanned = i - base;
    }

    private static boolean startsWith(ByteBuf in, int at, byte[] prefix) {
        if (in.writerIndex() - at < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (in.getByte(at + k) != prefix[k]) {
                return false;
            }
        }
        return true;
    }
}
