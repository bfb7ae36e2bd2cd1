package org.pchat.xccos.codec;

import java.util.List;
import java.util.Optional;
import org.pchat.xccos.model.ChatMessage;
import org.pchat.xccos.model.Command;
import org.pchat.xccos.model.CommandData;
import org.pchat.xccos.model.CommandId;
import org.pchat.xccos.model.CommandRef;
import org.pchat.xccos.model.DataBlock;
import org.pchat.xccos.model.GroupChat;
import org.pchat.xccos.model.Notice;
import org.pchat.xccos.model.Reply;
import org.pchat.xccos.model.Response;
import org.pchat.xccos.model.ResponseCode;
import org.pchat.xccos.model.UnknownCommandData;
import org.pchat.xccos.model.XccosElement;
import org.pchat.xccos.model.XccosEnvelope;

/** Reads the direct children of {@code <xccos>}: {@code cmd}, {@code rpl}, {@code ntc}, {@code grpchat} (§3). */
final class PayloadReader {

    private final GuardedReader in;
    private final DataBlockReader blocks;
    private final CommandDataReader commands;

    PayloadReader(GuardedReader in) {
        this.in = in;
        this.blocks = new DataBlockReader(in);
        this.commands = new CommandDataReader(in, blocks);
    }

    /** Reads the current child of {@code xccos}; empty (and skipped) when it is not an XCCOS element. */
    Optional<XccosElement> readElement() throws XccosException {
        return switch (in.xccosName()) {
            case Command.ELEMENT -> Optional.of(readCommand());
            case Reply.ELEMENT -> Optional.of(readReply());
            case Notice.ELEMENT -> Optional.of(readNotice());
            case GroupChat.ELEMENT -> Optional.of(readGroupChat());
            default -> {
                in.skipElement();
                yield Optional.empty();
            }
        };
    }

    private Command readCommand() throws XccosException {
        String id = in.requiredAttribute(XccosNames.ID);
        String seqId = in.requiredAttribute(XccosNames.SEQ_ID);
        Optional<CommandId> known = CommandId.fromWire(id);
        CommandData data;
        if (known.isPresent()) {
            data = commands.read(known.get());
        } else {
            in.skipElement();
            data = new UnknownCommandData(id);
        }
        return new Command(seqId, data);
    }

    private Reply readReply() throws XccosException {
        String where = in.path();
        String id = in.requiredAttribute(XccosNames.ID);
        Optional<String> seqId = in.attribute(XccosNames.SEQ_ID);
        Optional<CommandRef> command = Optional.empty();
        // SIPE reads a missing resp as code 500 (xccos.md §3.3)
        Response response = new Response(ResponseCode.INTERNAL_ERROR.code(), "");
        List<DataBlock> data = List.of();
        while (in.nextChild()) {
            switch (in.xccosName()) {
                case CommandRef.ELEMENT -> command = Optional.of(readCommandRef());
                case Response.ELEMENT -> response = readResponse();
                case XccosNames.DATA -> data = blocks.readBlocks();
                default -> in.skipElement();
            }
        }
        if (command.isEmpty()) {
            throw XccosFormatException.missingElement(where, CommandRef.ELEMENT);
        }
        return new Reply(id, seqId.orElse(command.get().seqId()), command.get(), response, data);
    }

    private CommandRef readCommandRef() throws XccosException {
        String seqId = in.requiredAttribute(XccosNames.SEQ_ID);
        long envId = in.requiredAttribute("envid", XccosEnvelope::parseEnvId);
        in.skipElement();
        return new CommandRef(seqId, envId);
    }

    private Response readResponse() throws XccosException {
        String where = in.path();
        int code = in.requiredAttribute("code", Integer::parseInt);
        String text = in.readText();
        return GuardedReader.construct(where, () -> new Response(code, text));
    }

    private Notice readNotice() throws XccosException {
        String id = in.requiredAttribute(XccosNames.ID);
        String seqId = in.attribute(XccosNames.SEQ_ID).orElse(Command.DEFAULT_SEQ_ID);
        List<DataBlock> data = List.of();
        while (in.nextChild()) {
            if (XccosNames.DATA.equals(in.xccosName())) {
                data = blocks.readBlocks();
            } else {
                in.skipElement();
            }
        }
        return new Notice(id, seqId, data);
    }

    private GroupChat readGroupChat() throws XccosException {
        String seqId = in.attribute(XccosNames.SEQ_ID).orElse(Command.DEFAULT_SEQ_ID);
        ChatMessage message = blocks.readChatMessage();
        return new GroupChat(seqId, message);
    }
}
