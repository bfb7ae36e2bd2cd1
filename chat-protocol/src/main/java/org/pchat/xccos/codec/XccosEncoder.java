package org.pchat.xccos.codec;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.pchat.xccos.model.Command;
import org.pchat.xccos.model.CommandRef;
import org.pchat.xccos.model.GroupChat;
import org.pchat.xccos.model.Notice;
import org.pchat.xccos.model.Reply;
import org.pchat.xccos.model.Response;
import org.pchat.xccos.model.XccosElement;
import org.pchat.xccos.model.XccosEnvelope;

/**
 * Encodes an {@link XccosEnvelope} into the body of a SIP INFO (xccos.md §3): no XML declaration, the XCCOS
 * namespace as default namespace, {@code ver} and the unsigned {@code envid}, timestamps in the 7-digit .NET form.
 * All output goes through the JDK's escaping {@link javax.xml.stream.XMLStreamWriter}.
 *
 * <p>Stateless and thread-safe: share one instance. Text that XML 1.0 cannot carry (e.g. U+0000) is refused with
 * an {@link IllegalArgumentException} naming the element or attribute.
 */
public final class XccosEncoder {

    /** Encodes to text. */
    public String encode(XccosEnvelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        StringWriter sink = new StringWriter(256);
        XmlOut out = new XmlOut(sink);
        out.root(XccosEnvelope.ELEMENT, XccosEnvelope.NAMESPACE);
        out.attribute("ver", envelope.version());
        out.attribute("envid", envelope.envIdString());
        ElementWriter elements = new ElementWriter(out);
        envelope.payload().forEach(element -> element.accept(elements));
        out.finish();
        return sink.toString();
    }

    /** Encodes to UTF-8 bytes. */
    public byte[] encodeUtf8(XccosEnvelope envelope) {
        return encode(envelope).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the direct children of {@code xccos}. */
    private static final class ElementWriter implements XccosElement.Visitor<Void> {
        private final XmlOut out;
        private final DataBlockWriter blocks;
        private final CommandDataWriter commands;

        ElementWriter(XmlOut out) {
            this.out = out;
            this.blocks = new DataBlockWriter(out);
            this.commands = new CommandDataWriter(out, blocks);
        }

        @Override
        public Void command(Command command) {
            out.start(Command.ELEMENT);
            out.attribute(XccosNames.ID, command.wireId());
            out.attribute(XccosNames.SEQ_ID, command.seqId());
            command.data().accept(commands);
            out.end();
            return null;
        }

        @Override
        public Void reply(Reply reply) {
            out.start(Reply.ELEMENT);
            out.attribute(XccosNames.ID, reply.id());
            out.attribute(XccosNames.SEQ_ID, reply.seqId());
            CommandRef command = reply.command();
            out.empty(CommandRef.ELEMENT);
            out.attribute(XccosNames.SEQ_ID, command.seqId());
            out.attribute("envid", command.envIdString());
            Response response = reply.response();
            out.start(Response.ELEMENT);
            out.attribute("code", response.code());
            out.text(response.text(), Response.ELEMENT);
            out.end();
            blocks.data(reply.data());
            out.end();
            return null;
        }

        @Override
        public Void notice(Notice notice) {
            out.start(Notice.ELEMENT);
            out.attribute(XccosNames.ID, notice.id());
            out.attribute(XccosNames.SEQ_ID, notice.seqId());
            blocks.data(notice.data());
            out.end();
            return null;
        }

        @Override
        public Void groupChat(GroupChat groupChat) {
            blocks.chatMessage(GroupChat.ELEMENT, Optional.of(groupChat.seqId()), groupChat.message());
            return null;
        }
    }
}
