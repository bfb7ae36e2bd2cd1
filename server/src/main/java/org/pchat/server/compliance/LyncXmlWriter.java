package org.pchat.server.compliance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.pchat.server.domain.ComplianceEvent;
import org.pchat.server.domain.ComplianceEventType;
import org.pchat.server.domain.StoredComplianceEvent;
import org.w3c.dom.Document;

/**
 * The Lync Persistent Chat compliance XML (xccos.md §8.3; schema {@code compliance/lync-compliance.xsd}): one
 * {@code Conversation} per room, its {@code Messages} in event-id order, each with {@code Sender} and
 * {@code DateTimeUTC}, then the conversation's {@code StartTimeUTC} and {@code EndTimeUTC}. The {@code id}
 * attribute (the message id) is set only for CHAT; {@code content} carries the text (CHAT) or the stored file
 * name (FILEUPLOAD, FILEDOWNLOAD).
 *
 * <p>The JDK's StAX writer builds a DOM of the file (at most one file's events), which the JDK serializer writes
 * out: unlike StAX it writes tab, CR and LF inside attribute values as character references, so multi-line chat
 * text survives XML attribute-value normalization (as in the .NET original). Characters XML 1.0 cannot carry
 * become U+FFFD.
 */
final class LyncXmlWriter implements EventWriter {

    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";

    private final ExportOptions options;
    private final ExportDetails details;
    private final DocumentBuilderFactory documents = DocumentBuilderFactory.newDefaultInstance();
    private final TransformerFactory transformers = TransformerFactory.newDefaultInstance();

    LyncXmlWriter(ExportOptions options, ExportDetails details) {
        this.options = Objects.requireNonNull(options, "options");
        this.details = Objects.requireNonNull(details, "details");
    }

    @Override
    public void write(List<StoredComplianceEvent> events, OutputStream out, Runnable perEvent) throws IOException {
        try {
            Document document = documents.newDocumentBuilder().newDocument();
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(new DOMResult(document));
            xml.writeStartDocument();
            xml.writeStartElement("Conversations");
            xml.writeNamespace("xsi", XSI);
            xml.writeNamespace("xsd", XSD);
            for (List<StoredComplianceEvent> room : byRoom(events).values()) {
                conversation(xml, room, perEvent);
            }
            newline(xml, 0);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            serialize(document, out);
        } catch (XMLStreamException | ParserConfigurationException | TransformerException e) {
            throw new IOException("cannot write compliance XML: " + e.getMessage(), e);
        }
    }

    /** The JDK serializer writes tab, CR and LF in attribute values as character references. */
    private void serialize(Document document, OutputStream out) throws TransformerException {
        Transformer transformer = transformers.newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
        transformer.setOutputProperty(OutputKeys.METHOD, "xml");
        transformer.transform(new DOMSource(document), new StreamResult(out));
    }

    private void conversation(XMLStreamWriter xml, List<StoredComplianceEvent> events, Runnable perEvent)
            throws XMLStreamException {
        ComplianceEvent first = events.get(0).event();
        newline(xml, 1);
        xml.writeStartElement("Conversation");
        newline(xml, 2);
        channel(xml, first.roomId(), first.roomUri());
        newline(xml, 2);
        xml.writeStartElement("Messages");
        Instant start = first.occurredAt();
        Instant end = first.occurredAt();
        for (StoredComplianceEvent stored : events) {
            ComplianceEvent event = stored.event();
            message(xml, event);
            start = event.occurredAt().isBefore(start) ? event.occurredAt() : start;
            end = event.occurredAt().isAfter(end) ? event.occurredAt() : end;
            perEvent.run();
        }
        newline(xml, 2);
        xml.writeEndElement();
        newline(xml, 2);
        time(xml, "StartTimeUTC", start);
        newline(xml, 2);
        time(xml, "EndTimeUTC", end);
        newline(xml, 1);
        xml.writeEndElement();
    }

    private void channel(XMLStreamWriter xml, UUID roomId, String roomUri) throws XMLStreamException {
        Optional<ExportDetails.RoomInfo> room = options.roomDetails() ? details.room(roomId) : Optional.empty();
        xml.writeStartElement("Channel");
        xml.writeAttribute("uri", XmlText.clean(roomUri));
        xml.writeAttribute("name", XmlText.clean(room.map(ExportDetails.RoomInfo::name).orElse(roomUri)));
        xml.writeAttribute("islogged", room.map(r -> Boolean.toString(r.logged())).orElse(""));
        if (room.isPresent()) {
            xml.writeAttribute("description", XmlText.clean(room.get().description()));
            xml.writeAttribute("category", XmlText.clean(room.get().category()));
        }
        xml.writeEndElement();
    }

    private void message(XMLStreamWriter xml, ComplianceEvent event) throws XMLStreamException {
        newline(xml, 3);
        xml.writeStartElement("Message");
        xml.writeAttribute("type", event.type().name());
        if (event.content() != null) {
            xml.writeAttribute("content", XmlText.clean(event.content()));
        }
        if (event.type() == ComplianceEventType.CHAT && event.messageId() != null) {
            xml.writeAttribute("id", Long.toString(event.messageId()));
        }
        newline(xml, 4);
        xml.writeStartElement("Sender");
        if (options.userDetails()) {
            Optional<String> name = details.displayName(event.userUri());
            if (name.isPresent()) {
                xml.writeAttribute("UserName", XmlText.clean(name.get()));
            }
            xml.writeAttribute("internal", "true");
        }
        xml.writeAttribute("uri", XmlText.clean(EventWriter.address(event.userUri())));
        xml.writeEndElement();
        newline(xml, 4);
        time(xml, "DateTimeUTC", event.occurredAt());
        newline(xml, 3);
        xml.writeEndElement();
    }

    private static void time(XMLStreamWriter xml, String element, Instant at) throws XMLStreamException {
        ComplianceTime time = ComplianceTime.of(at);
        xml.writeStartElement(element);
        xml.writeAttribute("since1970", Long.toString(time.since1970()));
        xml.writeAttribute("string", time.string());
        xml.writeAttribute("long", Long.toString(time.ticks()));
        xml.writeEndElement();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** The events grouped by room, rooms in order of their first event. */
    static Map<UUID, List<StoredComplianceEvent>> byRoom(List<StoredComplianceEvent> events) {
        Map<UUID, List<StoredComplianceEvent>> rooms = new LinkedHashMap<>();
        for (StoredComplianceEvent event : events) {
            rooms.computeIfAbsent(event.event().roomId(), id -> new ArrayList<>()).add(event);
        }
        return rooms;
    }
}
