package org.pchat.server.xmpp;

/** Builders of the stanzas and stream elements the endpoint sends. */
final class Stanzas {

    private Stanzas() {
    }

    /** An iq result to a request, with an optional payload. */
    static XmlElement iqResult(XmlElement request, String from, XmlElement payload) {
        XmlElement.Builder iq = XmlElement.builder("iq", Namespaces.CLIENT)
                .attr("type", "result")
                .attr("id", request.attribute("id").orElse(""))
                .attr("from", from)
                .attr("to", request.attribute("from").orElse(null));
        if (payload != null) {
            iq.child(payload);
        }
        return iq.build();
    }

    /**
     * A stanza error reply (RFC 6120 §8.3): same name and id, from and to swapped, type error.
     *
     * @param type      cancel, modify, auth, wait
     * @param condition the defined condition element name
     * @param from      the from of the reply (the entity the request was addressed to)
     * @param to        the requester
     */
    static XmlElement error(XmlElement request, String type, String condition, String from, String to) {
        XmlElement.Builder reply = XmlElement.builder(request.name(), Namespaces.CLIENT)
                .attr("type", "error")
                .attr("id", request.attribute("id").orElse(null))
                .attr("from", from)
                .attr("to", to);
        return reply.child(XmlElement.builder("error", Namespaces.CLIENT)
                        .attr("type", type)
                        .child(XmlElement.of(condition, Namespaces.STANZA_ERRORS))
                        .build())
                .build();
    }

    /** A stream error element (RFC 6120 §4.9.2). */
    static XmlElement streamError(StreamErrorCondition condition, String text) {
        return XmlElement.builder("error", Namespaces.STREAMS)
                .child(XmlElement.of(condition.element(), Namespaces.STREAM_ERRORS))
                .child(XmlElement.builder("text", Namespaces.STREAM_ERRORS).text(text).build())
                .build();
    }

    /** A SASL element with an optional base64 payload ("=" for an empty one). */
    static XmlElement sasl(String name, String base64) {
        XmlElement.Builder element = XmlElement.builder(name, Namespaces.SASL);
        if (base64 != null) {
            element.text(base64);
        }
        return element.build();
    }

    /** A SASL failure with a condition (RFC 6120 §6.5). */
    static XmlElement saslFailure(String condition) {
        return XmlElement.builder("failure", Namespaces.SASL).child(XmlElement.of(condition, Namespaces.SASL))
                .build();
    }
}
