package org.pchat.proxy.provisioning;

import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The body of the 200 to a {@code vnd-microsoft-provisioning-v2} SUBSCRIBE ([MS-SIPREGE] §2.2.2.5.11,
 * xccos.md §1.2 and §11): a {@code provisionGroupList} whose {@code persistentChatConfiguration} group names
 * the chat pool. Written with an escaping XML writer.
 *
 * @param defaultPoolUri the pool URI clients connect to
 * @param poolUris       every pool URI (space-separated on the wire)
 * @param webManagerUri  the room-management URL, sent as internal and external URL when present
 */
public record ProvisioningDocument(String defaultPoolUri, List<String> poolUris, Optional<URI> webManagerUri) {

    public static final String NAMESPACE = "http://schemas.microsoft.com/2006/09/sip/provisiongrouplist";
    public static final String CONTENT_TYPE = "application/vnd-microsoft-roaming-provisioning-v2+xml";
    public static final String EVENT = "vnd-microsoft-provisioning-v2";

    public ProvisioningDocument {
        Objects.requireNonNull(defaultPoolUri, "defaultPoolUri");
        poolUris = List.copyOf(poolUris);
        Objects.requireNonNull(webManagerUri, "webManagerUri");
    }

    /** The XML text. */
    public String toXml() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartElement("provisionGroupList");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement("provisionGroup");
            xml.writeAttribute("name", "ServerConfiguration");
            xml.writeEndElement();
            xml.writeStartElement("provisionGroup");
            xml.writeAttribute("name", "persistentChatConfiguration");
            xml.writeStartElement("propertyEntryList");
            property(xml, "EnablePersistentChat", "true");
            property(xml, "DefaultPersistentChatPoolUri", defaultPoolUri);
            property(xml, "PersistentChatPoolUris", String.join(" ", poolUris));
            if (webManagerUri.isPresent()) {
                property(xml, "PersistentChatWebManagerUriInt", webManagerUri.get().toString());
                property(xml, "PersistentChatWebManagerUriExt", webManagerUri.get().toString());
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the provisioning document: " + e, e);
        }
        return out.toString();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("property");
        xml.writeAttribute("name", name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
