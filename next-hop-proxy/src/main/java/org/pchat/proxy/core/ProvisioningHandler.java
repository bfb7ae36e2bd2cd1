package org.pchat.proxy.core;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sip.ServerTransaction;
import javax.sip.header.CSeqHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.pchat.proxy.provisioning.ProvisioningDocument;

/**
 * Answers the {@code vnd-microsoft-provisioning-v2} SUBSCRIBE (xccos.md §11): 200 with the event, a
 * {@code ms-piggyback-cseq} (so the client reads the body), a terminated subscription and the
 * {@code provisionGroupList} naming the chat pool.
 */
final class ProvisioningHandler {

    private final LocalResponder responder;
    private final HeaderFactory headers;
    private final byte[] body;

    ProvisioningHandler(LocalResponder responder, HeaderFactory headers, ProvisioningDocument document) {
        this.responder = responder;
        this.headers = headers;
        this.body = document.toXml().getBytes(StandardCharsets.UTF_8);
    }

    void handle(ServerTransaction server, Request request) throws Exception {
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        responder.respond(server, request, Response.OK, null, List.of(
                headers.createHeader("Event", ProvisioningDocument.EVENT),
                headers.createHeader("ms-piggyback-cseq", Long.toString(cseq.getSeqNumber())),
                headers.createExpiresHeader(0),
                headers.createHeader("Subscription-State", "terminated;expires=0")),
                ProvisioningDocument.CONTENT_TYPE, body);
    }
}
